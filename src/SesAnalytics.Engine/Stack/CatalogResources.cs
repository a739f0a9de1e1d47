using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;

namespace SesAnalytics.Engine.Stack;

/// <summary>The Glue database, the projected tables Athena reads (typed columns, and raw lines), and the work group Athena runs in.</summary>
internal static class CatalogResources
{
    /// <summary>
    /// The template parameter that names the database when the template is built for no stack in particular: no default,
    /// so that nobody deploys a second stack onto the first one's database, or renames (replaces) a deployed stack's.
    /// </summary>
    public static CfnMap DatabaseNameParameter() => new()
    {
        { "Type", "String" },
        {
            "Description",
            "The Glue database of the event tables: 1-255 lower-case letters, digits and underscores. Give each stack its own (for example its name with underscores); to update a deployed stack, give the database it has (its GlueDatabase output)."
        },
        { "AllowedPattern", "^[a-z0-9_]{1,255}$" },
        { "ConstraintDescription", "1-255 lower-case letters, digits and underscores." },
    };

    public static CfnMap Database(TemplateOptions options) => new()
    {
        { "Type", "AWS::Glue::Database" },
        {
            "Properties", new CfnMap
            {
                { "CatalogId", Fn.Ref(Fn.AccountId) },
                {
                    "DatabaseInput", new CfnMap
                    {
                        { "Name", (object?)options.ResolvedDatabaseName ?? Fn.Ref(StackNames.DatabaseNameParameter) },
                        { "Description", "SES events delivered by Kinesis Data Firehose." },
                    }
                },
            }
        },
    };

    public static CfnMap Table(TemplateOptions options) => ProjectedTable(
        options,
        options.TableName,
        "SES events, one row per event; partitions are projected from the S3 layout.",
        EventTableSchema.Columns,
        EventTableSchema.SerDe,
        new CfnMap());

    /// <summary>
    /// The same objects and partitions as <see cref="Table"/>, one row per line holding the record as SES wrote it:
    /// what typed events of any type are built from, so the cloud gives the same objects as a local store.
    /// </summary>
    public static CfnMap LinesTable(TemplateOptions options) => ProjectedTable(
        options,
        EventTableSchema.LinesTableName(options.TableName),
        "SES events, one row per event holding the JSON line as SES wrote it; partitions are projected from the S3 layout.",
        [new(EventTableSchema.LineColumn, "string")],
        EventTableSchema.LinesSerDe,
        // Fields split at Ctrl-A, which a JSON line never holds unescaped, so the one column gets the whole line.
        new CfnMap { { "serialization.format", "1" } });

    private static CfnMap ProjectedTable(
        TemplateOptions options,
        string name,
        string description,
        IEnumerable<KeyValuePair<string, string>> columns,
        string serDe,
        CfnMap serDeParameters)
    {
        string root = "s3://${" + LogicalIds.Bucket + "}/" + FirehoseLayout.PartitionedRoot + "/";
        var tableInput = new CfnMap
        {
            { "Name", name },
            { "Description", description },
            { "TableType", "EXTERNAL_TABLE" },
            { "Parameters", Projection(options, root) },
            { "PartitionKeys", EventTableSchema.PartitionKeys.Select(key => (object)Column(key, "string")).ToList() },
            {
                "StorageDescriptor", new CfnMap
                {
                    { "Columns", columns.Select(c => (object)Column(c.Key, c.Value)).ToList() },
                    { "Location", Fn.Sub(root) },
                    { "InputFormat", EventTableSchema.InputFormat },
                    { "OutputFormat", EventTableSchema.OutputFormat },
                    { "Compressed", true },
                    { "SerdeInfo", new CfnMap { { "SerializationLibrary", serDe }, { "Parameters", serDeParameters } } },
                }
            },
        };
        return new CfnMap
        {
            { "Type", "AWS::Glue::Table" },
            {
                "Properties", new CfnMap
                {
                    { "CatalogId", Fn.Ref(Fn.AccountId) },
                    { "DatabaseName", Fn.Ref(LogicalIds.Database) },
                    { "TableInput", tableInput },
                }
            },
        };
    }

    public static CfnMap WorkGroup(TemplateOptions options)
    {
        CfnMap encryption = options.KmsKeyArn is null
            ? new CfnMap { { "EncryptionOption", "SSE_S3" } }
            : new CfnMap { { "EncryptionOption", "SSE_KMS" }, { "KmsKey", options.KmsKeyArn } };
        var configuration = new CfnMap
        {
            { "EnforceWorkGroupConfiguration", true },
            { "PublishCloudWatchMetricsEnabled", true },
        };
        configuration.AddIfPresent("BytesScannedCutoffPerQuery", options.BytesScannedCutoffPerQuery);
        configuration.Add("ResultConfiguration", new CfnMap
        {
            { "OutputLocation", Fn.Sub("s3://${" + LogicalIds.Bucket + "}/" + StackLayout.AthenaResultsRoot + "/") },
            { "EncryptionConfiguration", encryption },
        });
        var properties = new CfnMap
        {
            { "Name", options.WorkGroupName is null ? Fn.Sub(StackLayout.DeliveryStreamNameSub) : options.WorkGroupName },
            { "Description", "Queries of the SES event table; results expire with the events." },
            { "State", "ENABLED" },
            // Without it a stack delete fails as soon as the work group has run a query.
            { "RecursiveDeleteOption", true },
            { "WorkGroupConfiguration", configuration },
        };
        properties.AddIfPresent("Tags", Tagging.TagList(options));
        return new CfnMap { { "Type", "AWS::Athena::WorkGroup" }, { "Properties", properties } };
    }

    private static CfnMap Projection(TemplateOptions options, string root)
    {
        string[] keys = [.. EventTableSchema.PartitionKeys];
        return new CfnMap
        {
            { "classification", "json" },
            { "EXTERNAL", "TRUE" },
            { "projection.enabled", "true" },
            { $"projection.{keys[0]}.type", "injected" },
            { $"projection.{keys[1]}.type", "enum" },
            { $"projection.{keys[1]}.values", string.Join(",", SesEventTypes.All.Select(t => t.WireName())) },
            { $"projection.{keys[2]}.type", "date" },
            { $"projection.{keys[2]}.format", FirehoseLayout.DayFormat },
            { $"projection.{keys[2]}.range", $"NOW-{options.RetentionDays}DAYS,NOW" },
            { $"projection.{keys[2]}.interval", "1" },
            { $"projection.{keys[2]}.interval.unit", "DAYS" },
            { "storage.location.template", Fn.Sub(root + string.Join("/", keys.Select(Fn.SubLiteral)) + "/") },
        };
    }

    private static CfnMap Column(string name, string type) => new() { { "Name", name }, { "Type", type } };
}
