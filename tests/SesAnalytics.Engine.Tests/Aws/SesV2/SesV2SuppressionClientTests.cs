using System.Net;
using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.SesV2;

/// <summary>The suppression-list calls' errors: an address not on the list, one SES refuses, throttling, server errors.</summary>
public sealed class SesV2SuppressionClientTests
{
    private static readonly Uri Endpoint = new("https://email.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task Get_of_an_address_not_on_the_list_is_null()
    {
        var (client, handler) = Create(_ => Error(404, "NotFoundException"));

        Assert.Null(await client.GetSuppressedDestinationAsync("nobody@example.com", default));
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task Delete_of_an_address_not_on_the_list_is_ObjectNotFound_about_that_address()
    {
        var (client, _) = Create(_ => Error(404, "NotFoundException"));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.DeleteSuppressedDestinationAsync("nobody@example.com", default));

        Assert.Equal("SesAddressNotSuppressed", error.ErrorId);
        Assert.Equal(ErrorKind.ObjectNotFound, error.Kind);
        Assert.Equal("nobody@example.com", error.Target);
        Assert.StartsWith("'nobody@example.com' is not on the account-level suppression list of SES in eu-west-1.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Request ID: rid-ses", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_SES_refuses_is_InvalidArgument_with_SESs_words()
    {
        var (client, handler) = Create(_ => Error(400, "BadRequestException"));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.PutSuppressedDestinationAsync("not an address", "BOUNCE", default));

        Assert.Equal("SesBadRequest", error.ErrorId);
        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("not an address", error.Target);
        Assert.Contains("BadRequestException happened", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_bad_NextToken_is_InvalidArgument_about_the_listing()
    {
        var (client, _) = Create(_ => Error(400, "InvalidNextTokenException"));

        var error = await Assert.ThrowsAsync<SesAnalyticsException>(() => client.ListSuppressedDestinationsAsync(new(), "stale", default));

        Assert.Equal(("SesBadRequest", ErrorKind.InvalidArgument), (error.ErrorId, error.Kind));
        Assert.Contains("refused the listing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttling_is_retried_and_then_succeeds()
    {
        int calls = 0;
        var (client, handler) = Create(_ => ++calls <= 2 ? Error(429, "TooManyRequestsException") : CapturingHandler.Json("{}"));

        await client.PutSuppressedDestinationAsync("a@example.com", "COMPLAINT", default);

        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task Throttling_past_the_retries_is_LimitsExceeded()
    {
        var (client, handler) = Create(_ => Error(429, "TooManyRequestsException"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetSuppressedDestinationAsync("a@example.com", default));

        Assert.Equal(ErrorKind.LimitsExceeded, error.Kind);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task A_put_is_retried_after_a_server_error_since_it_only_overwrites()
    {
        int calls = 0;
        var (client, handler) = Create(_ => ++calls == 1 ? Error(500, "InternalFailure") : CapturingHandler.Json("{}"));

        await client.PutSuppressedDestinationAsync("a@example.com", "BOUNCE", default);

        Assert.Equal(2, handler.Requests.Count);
    }

    private static (SesV2Client Client, CapturingHandler Handler) Create(Func<CapturedRequest, HttpResponseMessage> respond)
    {
        var handler = new CapturingHandler(respond);
        return (new SesV2Client(new AwsHttpClient(TestClients.Options("ses", "SESv2", Endpoint, handler))), handler);
    }

    private static HttpResponseMessage Error(int status, string code)
    {
        HttpResponseMessage response = CapturingHandler.Json($$"""{"message":"{{code}} happened"}""", (HttpStatusCode)status, "rid-ses");
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code);
        return response;
    }
}
