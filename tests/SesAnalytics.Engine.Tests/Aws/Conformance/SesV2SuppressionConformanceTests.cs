using System.Text.Json.Nodes;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Suppression;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>
/// The four suppression-list operations, checked against botocore's sesv2 model: method, URI template and its label,
/// the querystring members of ListSuppressedDestinations (a repeated Reason, ISO 8601 dates), body members, and the
/// answers read from samples of the output shapes.
/// </summary>
public sealed class SesV2SuppressionConformanceTests
{
    private static readonly Uri Endpoint = new("https://email.eu-west-1.amazonaws.com/");

    [SkippableFact]
    public async Task PutSuppressedDestination_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.PutSuppressedDestinationAsync("bounced+tag@example.com", "BOUNCE", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "PutSuppressedDestination");
        Assert.Equal("/v2/email/suppression/addresses", request.Uri.AbsolutePath);
        Assert.Equal("bounced+tag@example.com", (string?)tree["EmailAddress"]);
        Assert.Contains((string?)tree["Reason"], model.GetShape("SuppressionListReason").Enum!);
    }

    [SkippableFact]
    public async Task GetSuppressedDestination_matches_the_model_and_reads_the_attributes()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "GetSuppressedDestination", """
            {"SuppressedDestination":{"EmailAddress":"a+b@example.com","Reason":"COMPLAINT","LastUpdateTime":1709918069.5,
             "Attributes":{"MessageId":"0100018e-msg","FeedbackId":"0100018e-feedback"}}}
            """));

        SuppressedDestination? found = await client.GetSuppressedDestinationAsync("a+b@example.com", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "GetSuppressedDestination");
        Assert.Equal("/v2/email/suppression/addresses/a%2Bb%40example.com", request.Uri.AbsolutePath);
        Assert.Equal("a+b@example.com", (string?)tree["EmailAddress"]);
        Assert.Empty(request.Body);
        Assert.NotNull(found);
        Assert.Equal(("a+b@example.com", "COMPLAINT"), (found.EmailAddress, found.Reason));
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 17, 14, 29, 500, TimeSpan.Zero), found.LastUpdateTime);
        Assert.Equal("0100018e-msg", found.Attributes!.MessageId);
        Assert.Equal("0100018e-feedback", found.Attributes.FeedbackId);
    }

    [SkippableFact]
    public async Task DeleteSuppressedDestination_matches_the_model()
    {
        var model = Model();
        var (client, handler) = Create("{}");

        await client.DeleteSuppressedDestinationAsync("a@example.com", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "DeleteSuppressedDestination");
        Assert.Equal("a@example.com", (string?)tree["EmailAddress"]);
        Assert.Empty(request.Body);
    }

    [SkippableFact]
    public async Task ListSuppressedDestinations_matches_the_model_with_every_filter()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "ListSuppressedDestinations", """
            {"SuppressedDestinationSummaries":[{"EmailAddress":"a@example.com","Reason":"BOUNCE","LastUpdateTime":1709918069},
             {"EmailAddress":"b@example.com","Reason":"COMPLAINT","LastUpdateTime":1709918070.25}],"NextToken":"next/page=="}
            """));
        var filter = new SuppressionListFilter
        {
            Reasons = ["BOUNCE", "COMPLAINT"],
            StartDate = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2024, 3, 8, 12, 30, 15, 250, TimeSpan.Zero),
            PageSize = 500,
        };

        SuppressedDestinationPage page = await client.ListSuppressedDestinationsAsync(filter, "token/with+chars==", default);

        CapturedRequest request = Assert.Single(handler.Requests);
        JsonObject tree = RestJsonConformance.AssertRequest(model, request, "ListSuppressedDestinations");
        Assert.Equal(["BOUNCE", "COMPLAINT"], tree["Reasons"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("token/with+chars==", (string?)tree["NextToken"]);
        Assert.Equal(500L, (long)tree["PageSize"]!);
        Assert.Contains("StartDate=2024-03-01T00%3A00%3A00Z", request.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("EndDate=2024-03-08T12%3A30%3A15.250Z", request.Uri.Query, StringComparison.Ordinal);
        Assert.Contains("NextToken=token%2Fwith%2Bchars%3D%3D", request.Uri.Query, StringComparison.Ordinal);
        Assert.Equal(["a@example.com", "b@example.com"], page.Destinations.Select(d => d.EmailAddress));
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 17, 14, 30, 250, TimeSpan.Zero), page.Destinations[1].LastUpdateTime);
        Assert.Null(page.Destinations[0].Attributes);
        Assert.Equal("next/page==", page.NextToken);
    }

    [SkippableFact]
    public async Task ListSuppressedDestinations_without_filters_sends_no_query_and_ends_without_a_token()
    {
        var model = Model();
        var (client, handler) = Create(RestJsonConformance.Sample(model, "ListSuppressedDestinations", """{"SuppressedDestinationSummaries":[]}"""));

        SuppressedDestinationPage page = await client.ListSuppressedDestinationsAsync(new SuppressionListFilter(), null, default);

        CapturedRequest request = Assert.Single(handler.Requests);
        RestJsonConformance.AssertRequest(model, request, "ListSuppressedDestinations");
        Assert.Equal(string.Empty, request.Uri.Query);
        Assert.Empty(page.Destinations);
        Assert.Null(page.NextToken);
    }

    [SkippableFact]
    public void Our_reasons_are_the_models_SuppressionListReason_values()
    {
        var model = Model();

        Assert.Equal(model.GetShape("SuppressionListReason").Enum!, SuppressionReasons.All);
    }

    private static ServiceModel Model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        return ServiceModel.Load("sesv2");
    }

    private static (SesV2Client Client, CapturingHandler Handler) Create(string json)
    {
        var handler = new CapturingHandler(_ => CapturingHandler.Json(json));
        return (new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler))), handler);
    }
}
