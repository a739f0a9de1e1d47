using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Report;

/// <summary>Bounced recipients counted by type and subtype, by normalised diagnostic code, and hard ones by recipient domain.</summary>
internal sealed class BounceTally
{
    private const string Permanent = "Permanent";
    private const string Unknown = "(none)";

    private readonly Dictionary<(string Type, string SubType), long> _kinds = [];
    private readonly Dictionary<(string Code, string Type), long> _codes = [];
    private readonly Dictionary<string, long> _domains = new(StringComparer.Ordinal);
    private long _recipients;
    private long _hard;

    public static async Task<BounceTally> ReadAsync(IAsyncEnumerable<BounceRecord> records)
    {
        var tally = new BounceTally();
        await foreach (BounceRecord record in records.ConfigureAwait(false))
        {
            tally.Add(record);
        }

        return tally;
    }

    public IReadOnlyList<BounceKindCount> Kinds() =>
        _kinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key.Type, StringComparer.Ordinal).ThenBy(k => k.Key.SubType, StringComparer.Ordinal)
            .Select(k => new BounceKindCount(k.Key.Type, k.Key.SubType, k.Value, Share(k.Value, _recipients)))
            .ToList();

    public IReadOnlyList<DiagnosticCodeCount> Codes() =>
        _codes.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Code, StringComparer.Ordinal).ThenBy(c => c.Key.Type, StringComparer.Ordinal)
            .Take(ReportLimits.DiagnosticCodes)
            .Select(c => new DiagnosticCodeCount(c.Key.Code, c.Key.Type, c.Value, Share(c.Value, _recipients)))
            .ToList();

    public IReadOnlyList<DomainBounceCount> Domains() =>
        _domains.OrderByDescending(d => d.Value).ThenBy(d => d.Key, StringComparer.Ordinal)
            .Take(ReportLimits.Domains)
            .Select(d => new DomainBounceCount(d.Key, d.Value, Share(d.Value, _hard)))
            .ToList();

    private void Add(BounceRecord record)
    {
        string type = record.BounceType ?? Unknown;
        _recipients++;
        Increment(_kinds, (type, record.BounceSubType ?? Unknown));
        Increment(_codes, (DiagnosticCodes.Normalise(record.DiagnosticCode), type));
        if (type == Permanent)
        {
            _hard++;
            Increment(_domains, Domain(record.EmailAddress));
        }
    }

    private static string Domain(string? address)
    {
        int at = address?.LastIndexOf('@') ?? -1;
        return at < 0 || at == address!.Length - 1 ? Unknown : address[(at + 1)..].TrimEnd('>', ' ').ToLowerInvariant();
    }

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key)
        where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
