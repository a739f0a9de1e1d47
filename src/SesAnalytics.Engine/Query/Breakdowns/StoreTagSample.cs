using System.IO.Compression;
using System.Text.Json;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query.Breakdowns;

/// <summary>
/// The mail tag names, configuration sets and sending accounts of a store, for tab completion and a report's heading: read from a bounded sample of each
/// identity's newest objects (Send, which every message has, where there is one), so it stays fast on any store size.
/// A tag seen in none of them is not offered, though it can still be typed.
/// </summary>
public sealed class StoreTagSample
{
    private const int MaxIdentities = 50;
    private const int ObjectsPerIdentity = 2;
    private const int LinesPerObject = 250;
    private const int MaxLines = 5000;

    private StoreTagSample(IReadOnlyList<string> tagNames, IReadOnlyList<string> configurationSets, IReadOnlyList<string> accounts)
    {
        TagNames = tagNames;
        ConfigurationSets = configurationSets;
        Accounts = accounts;
    }

    /// <summary>Tag names as the user wrote them (SES's own <c>ses:*</c> ones left out), each once, in ordinal order.</summary>
    public IReadOnlyList<string> TagNames { get; }

    public IReadOnlyList<string> ConfigurationSets { get; }

    /// <summary>The <c>mail.sendingAccountId</c> values seen, each once, in ordinal order.</summary>
    public IReadOnlyList<string> Accounts { get; }

    public static StoreTagSample Read(EventStore store)
    {
        var names = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        var sets = new SortedSet<string>(StringComparer.Ordinal);
        var accounts = new SortedSet<string>(StringComparer.Ordinal);
        int lines = 0;
        IEnumerable<string> identities = Directory.Exists(store.PartitionedRoot)
            ? Directory.EnumerateDirectories(store.PartitionedRoot).Order(StringComparer.Ordinal).Take(MaxIdentities)
            : [];
        foreach (string identity in identities)
        {
            foreach (string path in NewestObjects(identity))
            {
                lines += ReadTags(path, names, sets, accounts, Math.Min(LinesPerObject, MaxLines - lines));
                if (lines >= MaxLines)
                {
                    return new StoreTagSample([.. names], [.. sets], [.. accounts]);
                }
            }
        }

        return new StoreTagSample([.. names], [.. sets], [.. accounts]);
    }

    private static IEnumerable<string> NewestObjects(string identityPath)
    {
        string send = Path.Combine(identityPath, SesEventType.Send.WireName());
        string? typePath = Directory.Exists(send) ? send : Directory.EnumerateDirectories(identityPath).Order(StringComparer.Ordinal).FirstOrDefault();
        string? day = typePath;
        for (int level = 0; level < 3 && day is not null; level++)
        {
            day = Directory.EnumerateDirectories(day).Max(StringComparer.Ordinal);
        }

        return day is null
            ? []
            : Directory.EnumerateFiles(day, "*.gz").Order(StringComparer.Ordinal).Reverse().Take(ObjectsPerIdentity);
    }

    private static int ReadTags(string path, SortedSet<string> names, SortedSet<string> sets, SortedSet<string> accounts, int maxLines)
    {
        int read = 0;
        try
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(path), CompressionMode.Decompress));
            while (read < maxLines && reader.ReadLine() is { } line)
            {
                read++;
                AddTags(line, names, sets, accounts);
            }
        }
        catch (Exception error) when (error is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A damaged or unreadable object only leaves its tags out of the sample.
        }

        return read;
    }

    private static void AddTags(string line, SortedSet<string> names, SortedSet<string> sets, SortedSet<string> accounts)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(line);
            if (!json.RootElement.TryGetProperty("mail", out JsonElement mail) || mail.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (mail.TryGetProperty("sendingAccountId", out JsonElement account) && account.ValueKind == JsonValueKind.String && account.GetString() is { Length: > 0 } id)
            {
                accounts.Add(id);
            }

            if (!mail.TryGetProperty("tags", out JsonElement tags) || tags.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            foreach (JsonProperty tag in tags.EnumerateObject())
            {
                if (tag.Name == SesTags.ConfigurationSet && tag.Value.ValueKind == JsonValueKind.Array && tag.Value.GetArrayLength() > 0 && tag.Value[0].GetString() is { Length: > 0 } set)
                {
                    sets.Add(set);
                }
                else if (!tag.Name.StartsWith("ses:", StringComparison.Ordinal))
                {
                    names.Add(tag.Name);
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Not an event line: nothing to learn from it.
        }
    }
}
