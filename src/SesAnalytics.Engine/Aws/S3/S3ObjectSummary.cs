namespace SesAnalytics.Engine.Aws.S3;

/// <summary>One object as ListObjectsV2 or HeadObject describe it. <see cref="ETag"/> keeps S3's quotes off.</summary>
public sealed record S3ObjectSummary(string Key, long Size, DateTime LastModified, string ETag);
