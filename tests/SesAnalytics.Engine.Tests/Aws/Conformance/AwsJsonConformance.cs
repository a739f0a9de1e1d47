using System.Text.Json.Nodes;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>The awsJson1_1 checks of one captured request and of one hand-written response sample.</summary>
internal static class AwsJsonConformance
{
    public static void AssertRequest(ServiceModel model, CapturedRequest request, string operation)
    {
        Assert.True(model.HasOperation(operation), $"the model has no operation {operation}");
        Assert.Equal(model.GetOperation(operation).Method, request.Method.Method);
        Assert.Equal("/", request.Uri.AbsolutePath);
        Assert.Equal($"{model.TargetPrefix}.{operation}", request.Headers["X-Amz-Target"]);
        Assert.Equal($"application/x-amz-json-{model.JsonVersion}", request.Headers["Content-Type"]);
        string? input = model.GetOperation(operation).InputShape;
        Assert.NotNull(input);
        Assert.Empty(new ShapeValidator(model).Validate(input, JsonNode.Parse(request.BodyText)));
    }

    /// <summary>Proves a hand-written response sample has the shape of the operation's output.</summary>
    public static string Sample(ServiceModel model, string operation, string json)
    {
        string? output = model.GetOperation(operation).OutputShape;
        Assert.NotNull(output);
        Assert.Empty(new ShapeValidator(model).Validate(output, JsonNode.Parse(json)));
        return json;
    }
}
