using System.Net;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Stack;

/// <summary>Checks options against the limits AWS enforces, so a bad value fails here and not halfway through a deployment.</summary>
public static partial class TemplateOptionsValidator
{
    public const int MinRetentionDays = 1;
    public const int MaxRetentionDays = 3650;
    public const int MinBufferIntervalSeconds = 60;
    public const int MaxBufferIntervalSeconds = 900;
    public const int MinBufferSizeMB = 64;
    public const int MaxBufferSizeMB = 128;
    public const long MinBytesScannedCutoffPerQuery = 10_000_000;

    public static void Validate(TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Range("RetentionDays", options.RetentionDays, MinRetentionDays, MaxRetentionDays, "days");
        Range("BufferIntervalSeconds", options.BufferIntervalSeconds, MinBufferIntervalSeconds, MaxBufferIntervalSeconds, "seconds (the range Firehose accepts with dynamic partitioning)");
        Range("BufferSizeMB", options.BufferSizeMB, MinBufferSizeMB, MaxBufferSizeMB, "MB (the range Firehose requires with dynamic partitioning)");
        if (options.BucketName is not null && BucketNameProblem(options.BucketName) is { } problem)
        {
            throw Invalid("InvalidBucketName", $"The bucket name '{options.BucketName}' is not a valid S3 bucket name: {problem}. Use 3-63 lowercase letters, digits, dots and hyphens, or omit -BucketName to let CloudFormation name the bucket.", options.BucketName);
        }

        if (options.KmsKeyArn is not null && !KmsArn().IsMatch(options.KmsKeyArn))
        {
            throw Invalid("InvalidKmsKeyArn", $"'{options.KmsKeyArn}' is not a KMS key ARN. Give the key's ARN, such as arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab (or an alias ARN ending in alias/<name>).", options.KmsKeyArn);
        }

        foreach (string name in options.ConfigurationSetNames)
        {
            if (!ConfigurationSetName().IsMatch(name ?? string.Empty))
            {
                throw Invalid("InvalidConfigurationSetName", $"'{name}' is not an SES configuration set name. Use 1-64 letters, digits, hyphens and underscores.", name);
            }
        }

        if (options.StackName is not null && !StackNames.IsValidStackName(options.StackName))
        {
            throw Invalid("InvalidStackName", $"'{options.StackName}' is not a CloudFormation stack name. Use a letter, then up to 127 letters, digits and hyphens.", options.StackName);
        }

        if (options.DatabaseName is not null)
        {
            GlueName("DatabaseName", options.DatabaseName);
        }

        GlueName("TableName", options.TableName);
        if (options.TableName.Length > EventTableSchema.MaxTableNameLength)
        {
            throw Invalid("InvalidTableName", $"The table name '{options.TableName}' is too long: the stack also creates '{EventTableSchema.LinesTableName(options.TableName)}' beside it, and a Glue name has at most 255 characters. Use at most {EventTableSchema.MaxTableNameLength}.", options.TableName);
        }
        if (options.WorkGroupName is not null && !WorkGroupName().IsMatch(options.WorkGroupName))
        {
            throw Invalid("InvalidWorkGroupName", $"'{options.WorkGroupName}' is not an Athena work group name. Use 1-128 letters, digits, dots, hyphens and underscores, or omit it to name the work group after the stack.", options.WorkGroupName);
        }

        if (options.BytesScannedCutoffPerQuery is < MinBytesScannedCutoffPerQuery)
        {
            throw Invalid("BytesScannedCutoffPerQueryOutOfRange", $"BytesScannedCutoffPerQuery must be at least {MinBytesScannedCutoffPerQuery:N0} bytes (Athena's minimum); it was {options.BytesScannedCutoffPerQuery:N0}.", options.BytesScannedCutoffPerQuery);
        }

        foreach ((string key, string value) in options.Tags)
        {
            if (string.IsNullOrEmpty(key) || key.Length > 128 || key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || !TagCharacters().IsMatch(key))
            {
                throw Invalid("InvalidTagKey", $"The tag key '{key}' cannot be used: a key has 1-128 {TagCharacterRule} and must not start with 'aws:'.", key);
            }

            if (value is null || value.Length > 256 || !TagCharacters().IsMatch(value))
            {
                throw Invalid("InvalidTagValue", $"The value of tag '{key}' cannot be used: a value has 0-256 {TagCharacterRule}.", key);
            }
        }
    }

    /// <summary>What is valid but probably not what the user wants.</summary>
    public static IReadOnlyList<string> Warnings(TemplateOptions options)
    {
        var warnings = new List<string>();
        if (options.KmsKeyArn?.Contains(":alias/", StringComparison.Ordinal) == true)
        {
            warnings.Add($"The KMS key is given as an alias ARN ('{options.KmsKeyArn}'). IAM matches the key's own ARN, so the delivery role's KMS permission will not apply and Firehose cannot write encrypted objects: give the key ARN (arn:...:key/<key-id>) instead.");
        }

        return warnings;
    }

    /// <summary>Why S3 would refuse the name, or null when it is a valid general purpose bucket name.</summary>
    public static string? BucketNameProblem(string name) => name switch
    {
        { Length: < 3 or > 63 } => "it must have 3-63 characters",
        _ when !BucketCharacters().IsMatch(name) => "it may contain only lowercase letters, digits, dots and hyphens, and must start and end with a letter or digit",
        _ when name.Contains("..", StringComparison.Ordinal) => "it must not contain two adjacent dots",
        _ when IPAddress.TryParse(name, out IPAddress? address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork => "it must not look like an IP address",
        _ when name.StartsWith("xn--", StringComparison.Ordinal) || name.StartsWith("sthree-", StringComparison.Ordinal) => "it must not start with 'xn--' or 'sthree-'",
        _ when name.EndsWith("-s3alias", StringComparison.Ordinal) || name.EndsWith("--ol-s3", StringComparison.Ordinal) => "it must not end with '-s3alias' or '--ol-s3'",
        _ => null,
    };

    private static void Range(string option, long value, long min, long max, string unit)
    {
        if (value < min || value > max)
        {
            throw Invalid($"{option}OutOfRange", $"{option} must be between {min} and {max} {unit}; it was {value}.", value);
        }
    }

    private static void GlueName(string option, string value)
    {
        if (!GlueIdentifier().IsMatch(value ?? string.Empty))
        {
            throw Invalid($"Invalid{option}", $"'{value}' cannot be a Glue {(option == "DatabaseName" ? "database" : "table")} name. Use 1-255 lowercase letters, digits and underscores.", value);
        }
    }

    private const string TagCharacterRule = "letters, digits, spaces and the characters _ . : / = + - @";

    private static InvalidInputException Invalid(string errorId, string message, object? target) => new(errorId, message, target);

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$")]
    private static partial Regex BucketCharacters();

    [GeneratedRegex("^arn:aws(-cn|-us-gov|-iso|-iso-b)?:kms:[a-z0-9-]+:[0-9]{12}:(key/[A-Za-z0-9-]+|alias/[A-Za-z0-9/_-]+)$")]
    private static partial Regex KmsArn();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConfigurationSetName();

    [GeneratedRegex("^[a-z0-9_]{1,255}$")]
    private static partial Regex GlueIdentifier();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex WorkGroupName();

    // The characters every tagged resource of the stack accepts (IAM, CloudWatch Logs, Firehose and Athena agree on these).
    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$")]
    private static partial Regex TagCharacters();
}
