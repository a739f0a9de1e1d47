namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// The one definition of how Firehose lays SES events out in S3. The CloudFormation template deploys these values and
/// the offline store is written with them, so both always agree.
/// </summary>
public static class FirehoseLayout
{
    /// <summary>The partition key used when an event carries no <c>ses:sender-identity</c> tag (SNS notifications, old records).
    /// It has no dot, so it can be neither a domain nor an email identity.</summary>
    public const string MissingIdentity = "no-identity";

    public const string SenderIdentityKey = "SenderIdentity";

    public const string EventTypeKey = "EventType";

    public const string JsonParsingEngine = "JQ-1.6";

    /// <summary>jq 1.6, as Firehose's MetadataExtraction processor runs it.</summary>
    public const string MetadataExtractionQuery =
        "{SenderIdentity: (.mail.tags.\"ses:sender-identity\"[0] // \"" + MissingIdentity + "\"), EventType: .eventType}";

    public const string PartitionedRoot = "partitioned";

    public const string Prefix =
        PartitionedRoot + "/!{partitionKeyFromQuery:" + SenderIdentityKey + "}/!{partitionKeyFromQuery:" + EventTypeKey + "}/!{timestamp:yyyy/MM/dd}/";

    public const string ErrorsRoot = "errors";

    public const string ErrorOutputPrefix = ErrorsRoot + "/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd}/";

    /// <summary>The error-output-type of records whose partition keys could not be extracted.</summary>
    public const string MetadataExtractionFailed = "metadata-extraction-failed";

    /// <summary>The date part of the prefix, as .NET formats it and as Athena's projection reads it.</summary>
    public const string DayFormat = "yyyy/MM/dd";

    /// <summary>
    /// The folder <see cref="Prefix"/> gives a day of one identity and event type in a local store, with <c>/</c>:
    /// <c>partitioned/&lt;identity&gt;/&lt;EventType&gt;/yyyy/MM/dd</c>, each key encoded as <see cref="PathSegment"/> does.
    /// </summary>
    public static string DayFolder(string identity, string eventType, DateOnly day) =>
        $"{PartitionedRoot}/{PathSegment.Encode(identity)}/{PathSegment.Encode(eventType)}/{day.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture)}";
}
