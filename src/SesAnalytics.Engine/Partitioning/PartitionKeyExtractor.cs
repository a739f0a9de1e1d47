using System.Text.Json;
using SesAnalytics.Engine.Partitioning.Jq;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Runs <see cref="FirehoseLayout.MetadataExtractionQuery"/> (or another query in the supported subset) on a record the
/// way Firehose does: exactly one object must come out, each key a string, a number or a boolean (their JSON text).
/// </summary>
public sealed class PartitionKeyExtractor
{
    public static readonly PartitionKeyExtractor Firehose = new(JqQuery.Parse(FirehoseLayout.MetadataExtractionQuery));

    private readonly JqQuery _query;
    private readonly JsonPruner? _pruner;

    public PartitionKeyExtractor(JqQuery query)
    {
        _query = query;
        _pruner = new JsonPruner();
        if (!AddObservedPaths(_pruner))
        {
            _pruner = null;
        }
    }

    /// <summary>Extracts the keys from one UTF-8 JSON record, parsing only the parts the query observes.</summary>
    public KeyExtraction Extract(ReadOnlySpan<byte> record)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(_pruner is null ? record.ToArray() : _pruner.Prune(record));
        }
        catch (JsonException error)
        {
            return KeyExtraction.Failure($"The record is not valid JSON: {error.Message}");
        }

        using (document)
        {
            return Extract(document.RootElement);
        }
    }

    /// <summary>Adds what <see cref="Extract(JsonElement)"/> reads of a record to <paramref name="pruner"/>; false when unknown.</summary>
    internal bool AddObservedPaths(JsonPruner pruner)
    {
        pruner.Keep(["notificationType"]);
        return _query.TryAddPathsTo(pruner);
    }

    public KeyExtraction Extract(JsonElement record)
    {
        JqResult result = _query.Evaluate(record);
        if (result.Kind == JqResultKind.Error)
        {
            return KeyExtraction.Failure($"jq: error: {result.Error}");
        }

        if (result.Kind == JqResultKind.Empty)
        {
            return KeyExtraction.Failure("The metadata extraction query produced no output.");
        }

        if (result.Value.Kind != JqKind.Object)
        {
            return KeyExtraction.Failure($"The metadata extraction query produced a {result.Value.KindName}, not an object.");
        }

        string? identity = KeyText(result.Value, FirehoseLayout.SenderIdentityKey, record, out string? identityProblem);
        if (identity is null)
        {
            return KeyExtraction.Failure(identityProblem!);
        }

        string? eventType = KeyText(result.Value, FirehoseLayout.EventTypeKey, record, out string? typeProblem);
        return eventType is null ? KeyExtraction.Failure(typeProblem!) : KeyExtraction.Success(new PartitionKeys(identity, eventType));
    }

    private static string? KeyText(JqValue keys, string name, JsonElement record, out string? problem)
    {
        problem = null;
        if (!keys.TryGetMember(name, out JqValue value))
        {
            problem = $"partition key {name} is missing from the metadata extraction query's output.";
            return null;
        }

        switch (value.Kind)
        {
            case JqKind.String:
                return value.GetString();
            case JqKind.Number or JqKind.True or JqKind.False:
                return JqJson.Serialize(value);
            case JqKind.Null:
                problem = $"partition key {name} is null" + NotificationHint(name, record) + ".";
                return null;
            default:
                problem = $"partition key {name} is {(value.Kind == JqKind.Array ? "an array" : "an object")}, not a string.";
                return null;
        }
    }

    private static string NotificationHint(string name, JsonElement record) =>
        name == FirehoseLayout.EventTypeKey
        && record.ValueKind == JsonValueKind.Object
        && record.TryGetProperty("notificationType", out JsonElement type)
            ? $": the record is an SES notification (notificationType {type.GetRawText()}) sent through SNS, not an event-publishing record"
            : string.Empty;
}
