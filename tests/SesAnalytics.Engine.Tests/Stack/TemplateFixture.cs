using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>
/// Builds templates and reads them back as CloudFormation would: the JSON text parsed, and intrinsic functions resolved
/// against one imaginary deployment (stack "ses-analytics" in account 111122223333, us-east-1).
/// </summary>
internal static partial class TemplateFixture
{
    public const string Account = "111122223333";
    public const string Region = "us-east-1";
    public const string StackName = "ses-analytics";
    public const string Bucket = "ses-analytics-eventbucket-abc123";
    public const string KeyArn = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    public static readonly TemplateOptions Full = new()
    {
        RetentionDays = 90,
        BufferIntervalSeconds = 60,
        BufferSizeMB = 128,
        BucketName = "my-ses-events",
        KmsKeyArn = KeyArn,
        ConfigurationSetNames = ["marketing", "transactional"],
        DatabaseName = "mail_db",
        TableName = "ses_events",
        WorkGroupName = "mail-analytics",
        BytesScannedCutoffPerQuery = 10_000_000_000,
        Tags = new Dictionary<string, string> { ["team"] = "mail", ["cost-center"] = "42" },
    };

    public static TheoryData<string> OptionSets() => new() { "Defaults", "ForStack", "Full", "ConfigurationSetsOnly" };

    public static TemplateOptions Options(string name) => name switch
    {
        "Defaults" => new TemplateOptions(),
        "ForStack" => new TemplateOptions { StackName = StackName },
        "Full" => Full,
        "ConfigurationSetsOnly" => new TemplateOptions { ConfigurationSetNames = ["only-one"], RetentionDays = 7 },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static JsonObject Json(TemplateOptions options) =>
        JsonNode.Parse(TemplateBuilder.Build(options).ToJson())!.AsObject();

    public static JsonObject Resources(JsonObject template) => template["Resources"]!.AsObject();

    public static JsonObject Properties(JsonObject template, string logicalId) => template["Resources"]![logicalId]!["Properties"]!.AsObject();

    /// <summary>The node with every Ref, Fn::GetAtt and Fn::Sub replaced by what CloudFormation would put there.</summary>
    public static JsonNode? Resolve(JsonNode? node, TemplateOptions options) => node switch
    {
        JsonObject map when map.Count == 1 && map.ContainsKey("Ref") => JsonValue.Create(Reference((string)map["Ref"]!, options)),
        JsonObject map when map.Count == 1 && map.ContainsKey("Fn::GetAtt") =>
            JsonValue.Create(Attribute((string)map["Fn::GetAtt"]![0]!, (string)map["Fn::GetAtt"]![1]!, options)),
        JsonObject map when map.Count == 1 && map.ContainsKey("Fn::Sub") => JsonValue.Create(Substitute((string)map["Fn::Sub"]!, options)),
        JsonObject map => new JsonObject(map.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, options)))),
        JsonArray list => new JsonArray([.. list.Select(item => Resolve(item, options))]),
        _ => node?.DeepClone(),
    };

    public static string ResolvedString(JsonNode? node, TemplateOptions options) => (string)Resolve(node, options)!;

    public static string BucketName(TemplateOptions options) => options.BucketName ?? Bucket;

    public static string Substitute(string text, TemplateOptions options) =>
        SubVariable().Replace(text, m => m.Groups["literal"].Success
            ? "${" + m.Groups["literal"].Value + "}"
            : m.Groups["name"].Value.Split('.') is [string id, string attribute] ? Attribute(id, attribute, options) : Reference(m.Groups["name"].Value, options));

    private static string Reference(string name, TemplateOptions options) => name switch
    {
        "AWS::Partition" => "aws",
        "AWS::Region" => Region,
        "AWS::AccountId" => Account,
        "AWS::StackName" => StackName,
        "AWS::URLSuffix" => "amazonaws.com",
        LogicalIds.Bucket => BucketName(options),
        LogicalIds.LogGroup => "/aws/kinesisfirehose/" + StackName,
        LogicalIds.LogStream => StackLayout.LogStreamName,
        LogicalIds.DeliveryStream => StackName,
        LogicalIds.Database => options.ResolvedDatabaseName ?? StackNames.DatabaseName(StackName),
        StackNames.DatabaseNameParameter => StackNames.DatabaseName(StackName),
        LogicalIds.Table => options.TableName,
        LogicalIds.LinesTable => EventTableSchema.LinesTableName(options.TableName),
        LogicalIds.WorkGroup => options.WorkGroupName ?? StackName,
        _ => throw new InvalidOperationException($"Ref to unknown '{name}'."),
    };

    private static string Attribute(string logicalId, string attribute, TemplateOptions options) => (logicalId, attribute) switch
    {
        (LogicalIds.Bucket, "Arn") => "arn:aws:s3:::" + BucketName(options),
        (LogicalIds.DeliveryStream, "Arn") => $"arn:aws:firehose:{Region}:{Account}:deliverystream/{StackName}",
        (LogicalIds.DeliveryRole or LogicalIds.SesRole, "Arn") => $"arn:aws:iam::{Account}:role/{StackName}-{logicalId}",
        _ => throw new InvalidOperationException($"GetAtt of unknown '{logicalId}.{attribute}'."),
    };

    [GeneratedRegex(@"\$\{(?:!(?<literal>[^}]+)|(?<name>[^}!]+))\}")]
    private static partial Regex SubVariable();
}
