using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>The awsQuery checks of one captured request and of one hand-written XML answer.</summary>
internal static class AwsQueryConformance
{
    public static Dictionary<string, string> AssertRequest(ServiceModel model, CapturedRequest request, string operation)
    {
        Assert.True(model.HasOperation(operation), $"the model has no operation {operation}");
        Assert.Equal("query", model.Protocol);
        ServiceModel.Operation op = model.GetOperation(operation);
        Assert.Equal(op.Method, request.Method.Method);
        Assert.Equal(op.RequestUri, request.Uri.AbsolutePath);
        Assert.StartsWith("application/x-www-form-urlencoded", request.Headers["Content-Type"], StringComparison.Ordinal);
        Dictionary<string, string> form = Form(request.BodyText);
        var (tree, problems) = AwsQueryForm.ToTree(model, operation, form);
        Assert.Empty(problems);
        Assert.Empty(new ShapeValidator(model).Validate(op.InputShape!, tree));
        return form;
    }

    /// <summary>Proves a hand-written XML answer has the shape of the operation's output, in the service's namespace.</summary>
    public static string Sample(ServiceModel model, string operation, string xml)
    {
        var (tree, problems) = AwsQueryXml.ToTree(model, operation, xml);
        Assert.Empty(problems);
        Assert.Empty(new ShapeValidator(model).Validate(model.GetOperation(operation).OutputShape!, tree));
        return xml;
    }

    /// <summary>An answer with a result: <c>&lt;OpResponse xmlns=ns&gt;&lt;OpResult&gt;inner&lt;/OpResult&gt;...</c>.</summary>
    public static string Answer(ServiceModel model, string operation, string inner) =>
        Sample(model, operation, Envelope(model.Metadata("xmlNamespace")!, operation, inner));

    public static string Envelope(string xmlNamespace, string operation, string inner) =>
        $"<{operation}Response xmlns=\"{xmlNamespace}\"><{operation}Result>{inner}</{operation}Result>" +
        $"<ResponseMetadata><RequestId>rid-{operation}</RequestId></ResponseMetadata></{operation}Response>";

    public static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty), StringComparer.Ordinal);
}
