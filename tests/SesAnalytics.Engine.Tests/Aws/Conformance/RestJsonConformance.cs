using System.Text.Json.Nodes;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>The restJson1 checks of one captured request and of one hand-written JSON answer.</summary>
internal static class RestJsonConformance
{
    public static JsonObject AssertRequest(ServiceModel model, CapturedRequest request, string operation)
    {
        Assert.True(model.HasOperation(operation), $"the model has no operation {operation}");
        Assert.Equal("rest-json", model.Protocol);
        var (tree, problems) = RestJsonRequest.ToTree(model, operation, request.Method, request.Uri, request.Headers, request.BodyText);
        Assert.Empty(problems);
        if (request.Body.Length > 0)
        {
            Assert.Equal("application/json", request.Headers["Content-Type"]);
            JsonObject body = JsonNode.Parse(request.BodyText)!.AsObject();
            foreach (var (name, _) in model.GetShape(model.GetOperation(operation).InputShape!).Members.Where(m => m.Value.Location is not null))
            {
                Assert.False(body.ContainsKey(name), $"the URI/header member {name} is also in the body");
            }
        }

        Assert.Empty(new ShapeValidator(model).Validate(model.GetOperation(operation).InputShape!, tree));
        return tree;
    }

    public static string Sample(ServiceModel model, string operation, string json)
    {
        Assert.Empty(new ShapeValidator(model).Validate(model.GetOperation(operation).OutputShape!, JsonNode.Parse(json)));
        return json;
    }
}
