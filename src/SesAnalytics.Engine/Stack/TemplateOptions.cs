namespace SesAnalytics.Engine.Stack;

/// <summary>Everything a user may choose about the deployed pipeline; the rest is fixed by the layout. Check with <see cref="TemplateOptionsValidator"/>.</summary>
public sealed record TemplateOptions
{
    public const int DefaultRetentionDays = 40;
    public const int DefaultBufferIntervalSeconds = 300;
    public const int DefaultBufferSizeMB = 64;
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

    /// <summary>
    /// Null names the Glue database after the stack (<see cref="StackNames.DatabaseName"/>), or, without
    /// <see cref="StackName"/>, leaves the name to a template parameter that whoever deploys the template sets.
    /// </summary>
    public string? DatabaseName { get; init; }

    /// <summary>The stack the template is for, when known: it names what would otherwise collide between stacks.</summary>
    public string? StackName { get; init; }

    /// <summary>The Glue database's name: the one given, else the stack's default; null when the template must ask for it.</summary>
    public string? ResolvedDatabaseName => DatabaseName ?? (StackName is null ? null : StackNames.DatabaseName(StackName));

    public string TableName { get; init; } = DefaultTableName;

    /// <summary>Null names the work group after the stack.</summary>
    public string? WorkGroupName { get; init; }

    public long? BytesScannedCutoffPerQuery { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
