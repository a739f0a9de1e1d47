using System.Data.Common;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Typed events of any type for one partition: DuckDB reads the lines (and filters message ids as bound parameters),
/// the event parser types them, recipient patterns are matched on the recipients each event is about.
/// </summary>
public sealed class EventsQuery : IPartitionQuery<SesEvent>
{
    private readonly IReadOnlyList<SesEventType> _eventTypes;
    private readonly IReadOnlyList<string> _messageIds;
    private readonly IReadOnlyList<Wildcard> _recipients;
    private readonly IOutputSink _sink;

    public EventsQuery(EventQuery query, IReadOnlyList<string> messageIds, IOutputSink sink)
    {
        _eventTypes = query.EventTypes;
        _messageIds = messageIds;
        _recipients = query.Recipients.Select(r => new Wildcard(r)).ToList();
        _sink = sink;
    }

    public SqlStatement Render(StorePartition partition, bool ignoreErrors)
    {
        var parameters = new SqlParameters();
        IEnumerable<string> objects = _eventTypes.SelectMany(partition.Objects);
        string where = _messageIds.Count == 0
            ? string.Empty
            : "WHERE json ->> '$.mail.messageId' IN (" + string.Join(", ", _messageIds.Select(parameters.Bind)) + ")";
        string text = $"SELECT json FROM {DuckDbJson.ReadObjects(objects, ignoreErrors)} {where}";
        return new SqlStatement(text, parameters.Values);
    }

    public IEnumerable<SesEvent> Read(DbDataReader reader, StorePartition partition)
    {
        while (reader.Read())
        {
            string line = reader.GetString(0);
            if (!SesEventParser.TryParse(line, out SesEvent? evt, out string? error))
            {
                _sink.Error(new SesAnalyticsException(
                    "InvalidStoredEvent",
                    ErrorKind.InvalidData,
                    $"A record in the {partition.Identity} partition of {partition.Day:yyyy-MM-dd} is not an SES event and was skipped: {error}",
                    partition.Identity));
                continue;
            }

            if (_recipients.Count > 0 && !evt.Recipients.Any(r => Wildcard.AnyMatch(_recipients, r)))
            {
                continue;
            }

            yield return evt with { Identity = partition.Identity };
        }
    }
}
