namespace SesAnalytics;

/// <summary>
/// One event object in the bucket, with the partition its key names: raw identity, event type wire name, UTC day.
/// </summary>
public sealed record EventObject(
    string BucketName,
    string Key,
    long Size,
    DateTime LastModified,
    string ETag,
    string Identity,
    string EventType,
    DateTime Day)
{
    /// <summary>The object's file name, the key's last segment.</summary>
    public string FileName => Key[(Key.LastIndexOf('/') + 1)..];

    public override string ToString() => $"s3://{BucketName}/{Key}";
}
