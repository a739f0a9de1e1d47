using System.Net;
using System.Text;

namespace SesAnalytics.Engine.Tests.Aws.Support;

internal static class XmlAnswer
{
    public static HttpResponseMessage Create(string xml, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };

    /// <summary>An awsQuery error: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static string Error(string code, string message, string requestId = "rid-error", string type = "Sender") =>
        $"<ErrorResponse xmlns=\"http://cloudformation.amazonaws.com/doc/2010-05-15/\"><Error><Type>{type}</Type><Code>{code}</Code>" +
        $"<Message>{System.Security.SecurityElement.Escape(message)}</Message></Error><RequestId>{requestId}</RequestId></ErrorResponse>";
}
