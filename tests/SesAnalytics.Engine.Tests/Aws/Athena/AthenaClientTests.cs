using SesAnalytics.Engine.Aws.Athena;
using SesAnalytics.Engine.Aws.Athena.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Conformance;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Athena;

public sealed class AthenaClientTests
{
    private static readonly Uri Endpoint = new("https://athena.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task All_pages_are_read_and_the_next_one_is_requested_before_the_caller_asks()
    {
        var secondRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new CapturingHandler(request =>
        {
            string body = request.BodyText;
            if (body.Contains("\"NextToken\":\"p2\"", StringComparison.Ordinal))
            {
                secondRequested.TrySetResult();
                return CapturingHandler.Json(AthenaConformanceTests.Page(["n"], [["2"]], "p3"));
            }

            return body.Contains("\"NextToken\":\"p3\"", StringComparison.Ordinal)
                ? CapturingHandler.Json(AthenaConformanceTests.Page(["n"], [["3"]], null))
                : CapturingHandler.Json(AthenaConformanceTests.Page(["n"], [["1"]], "p2"));
        });
        var client = new AthenaClient(new AwsHttpClient(TestClients.Options("athena", "Athena", Endpoint, handler)));

        var values = new List<string?>();
        await foreach (GetQueryResultsResponse page in client.GetAllQueryResultsAsync("q-1", 1000, default))
        {
            if (values.Count == 0)
            {
                await secondRequested.Task.WaitAsync(TimeSpan.FromSeconds(5));
            }

            values.Add(page.ResultSet!.Rows[^1].Data[0].VarCharValue);
        }

        Assert.Equal(["1", "2", "3"], values);
        Assert.Equal(3, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Contains("\"MaxResults\":1000", r.BodyText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Stopping_early_cancels_the_page_being_prefetched()
    {
        var handler = new CapturingHandler(_ => CapturingHandler.Json(AthenaConformanceTests.Page(["n"], [["1"]], "more")));
        var client = new AthenaClient(new AwsHttpClient(TestClients.Options("athena", "Athena", Endpoint, handler)));

        await foreach (GetQueryResultsResponse page in client.GetAllQueryResultsAsync("q-1", 10, default))
        {
            Assert.NotNull(page.ResultSet);
            break;
        }

        Assert.InRange(handler.Requests.Count, 1, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Page_sizes_outside_1_to_1000_are_refused(int size)
    {
        var client = new AthenaClient(new AwsHttpClient(TestClients.Options("athena", "Athena", Endpoint, new CapturingHandler(_ => throw new InvalidOperationException()))));

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
        {
            await foreach (var unused in client.GetAllQueryResultsAsync("q-1", size, default))
            {
                Assert.Fail("no page may arrive");
            }
        });

        Assert.Equal("AthenaPageSizeOutOfRange", error.ErrorId);
    }
}
