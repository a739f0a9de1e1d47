using SesAnalytics.Engine.Aws.Firehose;
using SesAnalytics.Engine.Aws.Firehose.Model;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Tests.Aws.Support;

namespace SesAnalytics.Engine.Tests.Aws.Conformance;

/// <summary>Every Firehose operation the client builds, checked against botocore's firehose model.</summary>
public sealed class FirehoseConformanceTests
{
    private static readonly Uri Endpoint = new("https://firehose.eu-west-1.amazonaws.com/");

    [SkippableFact]
    public async Task DescribeDeliveryStream_matches_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("firehose");
        string sample = AwsJsonConformance.Sample(model, "DescribeDeliveryStream", """
            {"DeliveryStreamDescription":{"DeliveryStreamName":"ses-events","DeliveryStreamARN":"arn:aws:firehose:eu-west-1:123456789012:deliverystream/ses-events",
             "DeliveryStreamStatus":"ACTIVE","DeliveryStreamType":"DirectPut","VersionId":"7","CreateTimestamp":1700000000.123,
             "Destinations":[{"DestinationId":"destinationId-000000000001"}],"HasMoreDestinations":false}}
            """);
        var (client, handler) = Create(_ => CapturingHandler.Json(sample));

        DeliveryStreamDescription description = await client.DescribeDeliveryStreamAsync(
            new DescribeDeliveryStreamRequest("ses-events") { Limit = 10, ExclusiveStartDestinationId = "destinationId-000000000001" }, default);

        AwsJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "DescribeDeliveryStream");
        Assert.Equal("ACTIVE", description.DeliveryStreamStatus);
        Assert.Equal("7", description.VersionId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), description.CreateTimestamp);
        Assert.Equal("destinationId-000000000001", description.Destinations[0].GetProperty("DestinationId").GetString());
    }

    [SkippableFact]
    public async Task ListDeliveryStreams_matches_the_model()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("firehose");
        string sample = AwsJsonConformance.Sample(model, "ListDeliveryStreams", """{"DeliveryStreamNames":["a","b"],"HasMoreDeliveryStreams":true}""");
        var (client, handler) = Create(_ => CapturingHandler.Json(sample));

        ListDeliveryStreamsResponse list = await client.ListDeliveryStreamsAsync(
            new ListDeliveryStreamsRequest { Limit = 100, DeliveryStreamType = "DirectPut", ExclusiveStartDeliveryStreamName = "0" }, default);

        AwsJsonConformance.AssertRequest(model, Assert.Single(handler.Requests), "ListDeliveryStreams");
        Assert.Equal(["a", "b"], list.DeliveryStreamNames);
        Assert.True(list.HasMoreDeliveryStreams);
    }

    [SkippableFact]
    public async Task PutRecordBatch_matches_the_model_and_splits_at_500_records()
    {
        Skip.IfNot(SharedReference.IsPresent, SharedReference.AbsentReason);
        var model = ServiceModel.Load("firehose");
        int sent = 0;
        var (client, handler) = Create(request =>
        {
            int count = System.Text.Json.JsonDocument.Parse(request.Body).RootElement.GetProperty("Records").GetArrayLength();
            sent += count;
            return CapturingHandler.Json(Accepted(model, sent - count, count));
        });
        var records = Enumerable.Range(0, 1200).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"n\":{i}}}\n")).ToList();

        IReadOnlyList<RecordResult> results = await client.PutRecordsAsync("ses-events", records, default);

        Assert.Equal(3, handler.Requests.Count);
        foreach (CapturedRequest request in handler.Requests)
        {
            AwsJsonConformance.AssertRequest(model, request, "PutRecordBatch");
        }

        Assert.Equal(1200, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal("record-1199", results[1199].RecordId);
        string firstData = System.Text.Json.JsonDocument.Parse(handler.Requests[0].Body).RootElement.GetProperty("Records")[0].GetProperty("Data").GetString()!;
        Assert.Equal(records[0], Convert.FromBase64String(firstData));
    }

    internal static string Accepted(ServiceModel model, int first, int count) =>
        AwsJsonConformance.Sample(
            model,
            "PutRecordBatch",
            "{\"FailedPutCount\":0,\"Encrypted\":false,\"RequestResponses\":[" +
            string.Join(",", Enumerable.Range(first, count).Select(i => $"{{\"RecordId\":\"record-{i}\"}}")) + "]}");

    private static (FirehoseClient Client, CapturingHandler Handler) Create(Func<CapturedRequest, HttpResponseMessage> respond)
    {
        var handler = new CapturingHandler(respond);
        return (new FirehoseClient(new AwsHttpClient(TestClients.Options("firehose", "Firehose", Endpoint, handler))), handler);
    }
}
