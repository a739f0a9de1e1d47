using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Types the event lines a query returned, the same way for a store's partition and for Athena's rows: a record that is
/// not an SES event is reported and skipped, recipient patterns are matched on the recipients each event is about, and
/// the identity is the partition's, which is where Firehose put the record.
/// </summary>
internal sealed class EventLineReader
{
    private readonly IReadOnlyList<Wildcard> _recipients;
    private readonly IOutputSink _sink;

    public EventLineReader(EventQuery query, IOutputSink sink)
    {
        _recipients = query.Recipients.Select(r => new Wildcard(r)).ToList();
        _sink = sink;
    }

    public SesEvent? Read(string line, string identity, DateOnly day)
    {
        if (!SesEventParser.TryParse(line, out SesEvent? evt, out string? error))
        {
            _sink.Error(new SesAnalyticsException(
                "InvalidStoredEvent",
                ErrorKind.InvalidData,
                $"A record in the {identity} partition of {day:yyyy-MM-dd} is not an SES event and was skipped: {error}",
                identity));
            return null;
        }

        if (_recipients.Count > 0 && !evt.Recipients.Any(r => Wildcard.AnyMatch(_recipients, r)))
        {
            return null;
        }

        return evt with { Identity = identity };
    }
}
