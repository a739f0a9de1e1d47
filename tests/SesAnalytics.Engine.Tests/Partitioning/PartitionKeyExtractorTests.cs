using System.Text;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Tests.Partitioning;

public sealed class PartitionKeyExtractorTests
{
    [Theory]
    [InlineData("{\"eventType\":\"Bounce\",\"mail\":{\"tags\":{\"ses:sender-identity\":[\"example.com\"]}}}", "example.com", "Bounce")]
    [InlineData("{\"eventType\":\"Rendering Failure\",\"mail\":{}}", "no-identity", "Rendering Failure")]
    [InlineData("{\"eventType\":7,\"mail\":{\"tags\":{\"ses:sender-identity\":[true]}}}", "true", "7")]
    [InlineData("{\"eventType\":\"Open\",\"mail\":{\"tags\":{\"ses:sender-identity\":[1.50]}}}", "1.5", "Open")]
    public void ExtractsKeysAsFirehoseDoes(string record, string identity, string eventType)
    {
        KeyExtraction result = PartitionKeyExtractor.Firehose.Extract(Encoding.UTF8.GetBytes(record));

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(new PartitionKeys(identity, eventType), result.Keys);
    }

    [Theory]
    [InlineData("{\"mail\":{}}", "partition key EventType is null")]
    [InlineData("{\"eventType\":{},\"mail\":{}}", "partition key EventType is an object")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"tags\":{\"ses:sender-identity\":[[1]]}}}", "partition key SenderIdentity is an array")]
    [InlineData("{\"eventType\":\"Send\",\"mail\":{\"tags\":{\"ses:sender-identity\":\"example.com\"}}}", "Cannot index string with number")]
    [InlineData("{\"notificationType\":\"Bounce\",\"mail\":{}}", "notificationType \"Bounce\"")]
    [InlineData("42", "Cannot index number with string \"mail\"")]
    [InlineData("not json", "not valid JSON")]
    public void FailuresSayWhy(string record, string reason)
    {
        KeyExtraction result = PartitionKeyExtractor.Firehose.Extract(Encoding.UTF8.GetBytes(record));

        Assert.False(result.Succeeded);
        Assert.Contains(reason, result.FailureMessage, StringComparison.Ordinal);
    }
}
