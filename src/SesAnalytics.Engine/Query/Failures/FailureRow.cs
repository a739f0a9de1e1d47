using System.Globalization;
using SesAnalytics.Engine.Query.Grouping;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>
/// What either engine's statement gives for one raw failure: a group, kind, type, subtype, the code as the server
/// wrote it (addresses already blanked) and the status; either for one recipient domain (<see cref="Domain"/>) or for
/// all of them (<see cref="AllDomains"/>, the row that counts the events).
/// </summary>
public sealed record FailureRow(
    DateOnly? Day,
    GroupValues Group,
    FailureKind Kind,
    string? Type,
    string? SubType,
    string? Code,
    string? Status,
    string? Domain,
    bool AllDomains,
    long Events,
    long Recipients)
{
    private const int TopDomains = 5;

    /// <summary>
    /// Normalises each row's code, folds the rows whose codes then read alike, and orders the summaries by day, then
    /// most recipients first. An event whose recipients' codes differ beyond what normalising removes counts once per
    /// code.
    /// </summary>
    public static IEnumerable<FailureSummary> Summaries(IEnumerable<FailureRow> rows, DayRange days)
    {
        var folded = new Dictionary<Key, Totals>();
        foreach (FailureRow row in rows)
        {
            var key = new Key(row.Day, row.Group, row.Kind, Blank(row.Type), Blank(row.SubType), row.Reason, row.NormalizedStatus);
            if (!folded.TryGetValue(key, out Totals? totals))
            {
                folded[key] = totals = new Totals();
            }

            if (row.AllDomains)
            {
                totals.Events += row.Events;
                totals.Recipients += row.Recipients;
            }
            else if (GroupValues.Normalize(GroupKey.RecipientDomain, row.Domain) is { } domain)
            {
                totals.Domains[domain] = totals.Domains.GetValueOrDefault(domain) + row.Recipients;
            }
        }

        return folded
            .OrderBy(f => f.Key.Day)
            .ThenByDescending(f => f.Value.Recipients)
            .ThenBy(f => f.Key.Kind)
            .ThenBy(f => f.Key.Group.Label, StringComparer.Ordinal)
            .ThenBy(f => f.Key.Type, StringComparer.Ordinal)
            .ThenBy(f => f.Key.SubType, StringComparer.Ordinal)
            .ThenBy(f => f.Key.Reason, StringComparer.Ordinal)
            .ThenBy(f => f.Key.Status, StringComparer.Ordinal)
            .Select(f => f.Key.ToSummary(f.Value, days));
    }

    private string? Reason => Kind.HasDiagnosticCode() ? DiagnosticCode.Normalize(Code) : Blank(Code)?.Trim();

    private string? NormalizedStatus => Blank(Status)?.Trim() ?? (Kind.HasDiagnosticCode() ? DiagnosticCode.Status(Code) : null);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record Key(DateOnly? Day, GroupValues Group, FailureKind Kind, string? Type, string? SubType, string? Reason, string? Status)
    {
        public FailureSummary ToSummary(Totals totals, DayRange days)
        {
            return new FailureSummary(Group, Day, days.From, days.To)
            {
                Kind = Kind,
                Type = Type,
                SubType = SubType,
                Reason = Reason,
                Status = Status,
                Events = totals.Events,
                Recipients = totals.Recipients,
                RecipientDomains = totals.Domains.Count == 0
                    ? null
                    : string.Join("; ", totals.Domains
                        .OrderByDescending(d => d.Value)
                        .ThenBy(d => d.Key, StringComparer.Ordinal)
                        .Take(TopDomains)
                        .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key} ({d.Value})"))),
            };
        }
    }

    private sealed class Totals
    {
        public long Events { get; set; }

        public long Recipients { get; set; }

        public Dictionary<string, long> Domains { get; } = new(StringComparer.Ordinal);
    }
}
