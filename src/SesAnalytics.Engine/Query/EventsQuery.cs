using System.Data.Common;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Typed events of any type for one partition, in <see cref="EventOrder"/>: DuckDB reads the lines (and filters message
/// ids as bound parameters), <see cref="EventLineReader"/> types and filters them.
/// </summary>
public sealed class EventsQuery : IPartitionQuery<SesEvent>
{
    private readonly IReadOnlyList<SesEventType> _eventTypes;
    private readonly IReadOnlyList<string> _messageIds;
    private readonly EventLineReader _reader;

    public EventsQuery(EventQuery query, IReadOnlyList<string> messageIds, IOutputSink sink)
    {
        _eventTypes = query.EventTypes;
        _messageIds = messageIds;
        _reader = new EventLineReader(query, sink);
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        IEnumerable<string> objects = _eventTypes.SelectMany(partition.FoldersOf).SelectMany(f => f.Objects);
        string where = _messageIds.Count == 0
            ? string.Empty
            : $"WHERE {Extract(EventOrder.MessageIdPath)} IN (" + string.Join(", ", _messageIds.Select(parameters.Bind)) + ")";
        string text = $"SELECT json FROM {DuckDbJson.ReadObjects(objects, ignoreErrors)} {where} ORDER BY {EventOrder.Keys(Extract)}";
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<SesEvent> Read(DbDataReader reader, StorePartition partition)
    {
        while (reader.Read())
        {
            // With ignore_errors, a line that is not JSON comes back as NULL; the runner has warned about its object.
            if (!reader.IsDBNull(0) && _reader.Read(reader.GetString(0), partition.Identity, partition.Day) is { } evt)
            {
                yield return evt;
            }
        }
    }

    /// <summary>The paths are the engine's constants, never user input.</summary>
    private static string Extract(string path) => $"json ->> {DuckDbJson.Literal(path)}";
}
