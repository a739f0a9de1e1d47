using System.Text.Json;
using SesAnalytics.Engine.Aws.Firehose;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Firehose;

public sealed class FirehoseClientTests
{
    private static readonly Uri Endpoint = new("https://firehose.eu-west-1.amazonaws.com/");

    [Fact]
    public async Task Batches_stay_under_4_MiB()
    {
        var handler = new CapturingHandler(request => CapturingHandler.Json(Answer(Records(request).Select(_ => (string?)null))));
        var records = Enumerable.Range(0, 9).Select(_ => new byte[1_000_000]).ToList();

        IReadOnlyList<RecordResult> results = await Client(handler).PutRecordsAsync("ses-events", records, default);

        Assert.Equal([4, 4, 1], handler.Requests.Select(r => Records(r).Count));
        Assert.All(results, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task Only_the_records_Firehose_rejected_are_sent_again()
    {
        int call = 0;
        var handler = new CapturingHandler(request =>
        {
            var sent = Records(request);
            call++;
            return CapturingHandler.Json(Answer(sent.Select(data => call == 1 && data is "b" or "d" ? "ServiceUnavailableException" : null)));
        });

        IReadOnlyList<RecordResult> results = await Client(handler).PutRecordsAsync("ses-events", ["a"u8.ToArray(), "b"u8.ToArray(), "c"u8.ToArray(), "d"u8.ToArray()], default);

        Assert.Equal(["b", "d"], Records(handler.Requests[1]));
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([1, 2, 1, 2], results.Select(r => r.Attempts));
        Assert.Equal([0, 1, 2, 3], results.Select(r => r.Index));
    }

    [Fact]
    public async Task Records_still_rejected_at_the_attempt_limit_are_reported_per_record()
    {
        var handler = new CapturingHandler(request => CapturingHandler.Json(Answer(Records(request).Select(data => data == "b" ? "InternalFailure" : null))));

        IReadOnlyList<RecordResult> results = await Client(handler).PutRecordsAsync("ses-events", ["a"u8.ToArray(), "b"u8.ToArray()], default);

        Assert.Equal(3, handler.Requests.Count);
        Assert.True(results[0].Succeeded);
        Assert.Equal("InternalFailure", results[1].ErrorCode);
        Assert.Equal(3, results[1].Attempts);
    }

    [Fact]
    public async Task A_record_over_the_Firehose_limit_is_refused_before_anything_is_sent()
    {
        var handler = new CapturingHandler(_ => throw new InvalidOperationException("nothing may be sent"));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Client(handler).PutRecordsAsync("ses-events", [new byte[1_024_001]], default));

        Assert.Equal("FirehoseRecordTooLarge", error.ErrorId);
        Assert.Empty(handler.Requests);
    }

    private static List<string> Records(CapturedRequest request) =>
        JsonDocument.Parse(request.Body).RootElement.GetProperty("Records").EnumerateArray()
            .Select(r => System.Text.Encoding.UTF8.GetString(r.GetProperty("Data").GetBytesFromBase64())).ToList();

    private static string Answer(IEnumerable<string?> errorCodes)
    {
        var entries = errorCodes.Select((code, i) => code is null
            ? $"{{\"RecordId\":\"id-{i}\"}}"
            : $"{{\"ErrorCode\":\"{code}\",\"ErrorMessage\":\"try again\"}}").ToList();
        int failed = errorCodes.Count(c => c is not null);
        return $"{{\"FailedPutCount\":{failed},\"RequestResponses\":[{string.Join(",", entries)}]}}";
    }

    private static FirehoseClient Client(CapturingHandler handler) =>
        new(new AwsHttpClient(TestClients.Options("firehose", "Firehose", Endpoint, handler)));
}
