using System.Collections;
using System.Globalization;
using System.Management.Automation;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// The template's options as parameters, shared by the commands that build the template (offered as dynamic
/// parameters, so a command of any base class can take them).
/// </summary>
public sealed class TemplateParameters
{
    [Parameter]
    public int RetentionDays { get; set; } = TemplateOptions.DefaultRetentionDays;

    [Parameter]
    public int BufferIntervalSeconds { get; set; } = TemplateOptions.DefaultBufferIntervalSeconds;

    [Parameter]
    public int BufferSizeMB { get; set; } = TemplateOptions.DefaultBufferSizeMB;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BucketName { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? KmsKeyArn { get; set; }

    [Parameter]
    [ValidateNotNull]
    public string[] ConfigurationSetName { get; set; } = [];

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? DatabaseName { get; set; }

    [Parameter]
    public string TableName { get; set; } = TemplateOptions.DefaultTableName;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? WorkGroupName { get; set; }

    [Parameter]
    public long? BytesScannedCutoffPerQuery { get; set; }

    [Parameter]
    [ValidateNotNull]
    public Hashtable Tag { get; set; } = [];

    private IReadOnlyDictionary<string, string> Tags() => Tag.Cast<DictionaryEntry>().ToDictionary(
        entry => Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty,
        entry => Convert.ToString(entry.Value, CultureInfo.InvariantCulture) ?? string.Empty);

    public TemplateOptions ToOptions() => new()
    {
        RetentionDays = RetentionDays,
        BufferIntervalSeconds = BufferIntervalSeconds,
        BufferSizeMB = BufferSizeMB,
        BucketName = BucketName,
        KmsKeyArn = KmsKeyArn,
        ConfigurationSetNames = ConfigurationSetName,
        DatabaseName = DatabaseName,
        TableName = TableName,
        WorkGroupName = WorkGroupName,
        BytesScannedCutoffPerQuery = BytesScannedCutoffPerQuery,
        Tags = Tags(),
    };
}
