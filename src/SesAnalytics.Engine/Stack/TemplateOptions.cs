namespace SesAnalytics.Engine.Stack;

/// <summary>Everything a user may choose about the deployed pipeline; the rest is fixed by the layout. Check with <see cref="TemplateOptionsValidator"/>.</summary>
public sealed record TemplateOptions
{
    public const int DefaultRetentionDays = 40;
    public const int DefaultBufferIntervalSeconds = 300;
    public const int DefaultBufferSizeMB = 64;
    public const string DefaultDatabaseName = "sesanalytics";
    public const string DefaultTableName = "events";

    public int RetentionDays { get; init; } = DefaultRetentionDays;

    public int BufferIntervalSeconds { get; init; } = DefaultBufferIntervalSeconds;

    public int BufferSizeMB { get; init; } = DefaultBufferSizeMB;

    /// <summary>Null lets CloudFormation name the bucket.</summary>
    public string? BucketName { get; init; }

    /// <summary>A KMS key (or alias) ARN; with one, the bucket, the stream, the delivery and Athena's results use SSE-KMS.</summary>
    public string? KmsKeyArn { get; init; }

    /// <summary>The configuration sets allowed to use the SES role; empty allows any in the account and region.</summary>
    public IReadOnlyList<string> ConfigurationSetNames { get; init; } = [];

    public string DatabaseName { get; init; } = DefaultDatabaseName;

    public string TableName { get; init; } = DefaultTableName;

    /// <summary>Null names the work group after the stack.</summary>
    public string? WorkGroupName { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
