using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>
/// The XML body of SelectObjectContent as botocore's S3 model defines <c>SelectObjectContentRequest</c>, in its member
/// order: an SQL expression over GZIP JSON lines, JSON records out one per line, and Progress events asked for.
/// </summary>
internal static class SelectRequestBody
{
    private static readonly XNamespace S3 = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static byte[] For(string expression)
    {
        var request = new XElement(
            S3 + "SelectObjectContentRequest",
            new XElement(S3 + "Expression", expression),
            new XElement(S3 + "ExpressionType", "SQL"),
            new XElement(S3 + "RequestProgress", new XElement(S3 + "Enabled", "true")),
            new XElement(
                S3 + "InputSerialization",
                new XElement(S3 + "CompressionType", "GZIP"),
                new XElement(S3 + "JSON", new XElement(S3 + "Type", "LINES"))),
            new XElement(S3 + "OutputSerialization", new XElement(S3 + "JSON", new XElement(S3 + "RecordDelimiter", "\n"))));
        var body = new MemoryStream();
        // The delimiter must stay one LF: the writer's default would make it CRLF on Windows.
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true, NewLineHandling = NewLineHandling.None };
        using (var writer = XmlWriter.Create(body, settings))
        {
            request.WriteTo(writer);
        }

        return body.ToArray();
    }
}
