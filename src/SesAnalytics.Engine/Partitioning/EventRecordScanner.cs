using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// The import's fast path for an ordinary event-publishing record: one vectorised UTF-8 check and one pass of
/// <see cref="JsonCursor"/> over its bytes validate it and pick up the few values the Firehose query and <see cref="EventTime"/> read (<c>eventType</c>,
/// <c>mail.tags."ses:sender-identity"[0]</c>, <c>mail.timestamp</c> and the event type's own <c>timestamp</c>).
/// It declines every record whose answer could depend on more than those plain values — not an object, an SNS envelope
/// or notification, a key that is not a plain ASCII string, a missing identity, an escaped or repeated member name on
/// the way — and the caller then runs the general evaluator, so the answer is always the one that evaluator gives.
/// </summary>
internal static class EventRecordScanner
{
    private static readonly byte[][] DetailNames = [.. TimedTypes().Select(t => Encoding.UTF8.GetBytes(t.DetailMember()))];

    // Every wire name as text and as bytes, with the index of its own object in DetailNames or -1 (Send, Reject,
    // Rendering Failure): matched byte by byte, so that a record costs no string hash.
    private static readonly string[] WireNames = [.. SesEventTypes.All.Select(t => t.WireName())];

    private static readonly byte[][] WireNamesUtf8 = [.. WireNames.Select(Encoding.UTF8.GetBytes)];

    private static readonly int[] WireDetailIndex = [.. SesEventTypes.All.Select(t => t.HasOwnTimestamp() ? DetailIndex(Encoding.UTF8.GetBytes(t.DetailMember())) : -1)];

    private const int RecentIdentities = 16;

    // Each routing thread meets the same few identities again and again: their strings are made once per thread.
    [ThreadStatic]
    private static (byte[] Utf8, string Text)[]? t_identities;

    [ThreadStatic]
    private static int t_nextIdentity;

    /// <summary>
    /// The keys the Firehose query gives the record, the record's own time and whether it has whitespace to compact
    /// (noticed on the way, which spares a second pass), or false to take the general path.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryScan(ReadOnlySpan<byte> record, out ScannedRecord scanned)
    {
        scanned = default;
        if (!Utf8.IsValid(record))
        {
            return false;
        }

        Span<Range> details = stackalloc Range[DetailNames.Length];
        var found = new Found();
        var json = new JsonCursor(record);
        if (!json.TryStartObject() || !ScanRoot(record, ref json, ref found, details) || !json.AtEnd || !found.EventTypeSeen)
        {
            return false;
        }

        string eventType = EventTypeText(record[found.EventType], out int detail);
        string identity = found.IdentitySeen ? IdentityText(record[found.Identity]) : FirehoseLayout.MissingIdentity;
        scanned = new ScannedRecord(new PartitionKeys(identity, eventType), TimeOf(record, detail, details, found.MailTimestamp), !json.HasWhitespace);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanRoot(ReadOnlySpan<byte> record, ref JsonCursor json, ref Found found, scoped Span<Range> details)
    {
        bool mailSeen = false;
        Span<bool> detailSeen = stackalloc bool[DetailNames.Length];
        bool first = true;
        while (true)
        {
            switch (json.NextMember(ref first, out Range member, out bool escaped))
            {
                case JsonCursor.Step.End:
                    return true;
                case JsonCursor.Step.Invalid:
                    return false;
            }

            ReadOnlySpan<byte> name = record[member];
            if (escaped)
            {
                return false;
            }

            if (Same(name, "eventType"u8))
            {
                if (found.EventTypeSeen || !TryPlainString(record, ref json, out found.EventType))
                {
                    return false;
                }

                found.EventTypeSeen = true;
            }
            else if (Same(name, "mail"u8))
            {
                if (mailSeen || !ScanMail(record, ref json, ref found))
                {
                    return false;
                }

                mailSeen = true;
            }
            else if (Same(name, "notificationType"u8) || Same(name, "Message"u8))
            {
                return false;
            }
            else if (DetailIndex(name) is int index and >= 0)
            {
                if (detailSeen[index] || !ScanDetail(record, ref json, out details[index]))
                {
                    return false;
                }

                detailSeen[index] = true;
            }
            else if (!json.TrySkipValue())
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanMail(ReadOnlySpan<byte> record, ref JsonCursor json, ref Found found)
    {
        if (json.Peek() == 'n')
        {
            return json.TryLiteral("null"u8);
        }

        if (!json.TryStartObject())
        {
            return false;
        }

        bool timestampSeen = false;
        bool tagsSeen = false;
        bool first = true;
        while (true)
        {
            switch (json.NextMember(ref first, out Range member, out bool escaped))
            {
                case JsonCursor.Step.End:
                    return true;
                case JsonCursor.Step.Invalid:
                    return false;
            }

            ReadOnlySpan<byte> name = record[member];
            if (escaped)
            {
                return false;
            }

            if (Same(name, "timestamp"u8))
            {
                if (timestampSeen || !TryOptionalString(record, ref json, out found.MailTimestamp))
                {
                    return false;
                }

                timestampSeen = true;
            }
            else if (Same(name, "tags"u8))
            {
                if (tagsSeen || !ScanTags(record, ref json, ref found))
                {
                    return false;
                }

                tagsSeen = true;
            }
            else if (!json.TrySkipValue())
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanTags(ReadOnlySpan<byte> record, ref JsonCursor json, ref Found found)
    {
        if (json.Peek() == 'n')
        {
            return json.TryLiteral("null"u8);
        }

        if (!json.TryStartObject())
        {
            return false;
        }

        bool identitySeen = false;
        bool first = true;
        while (true)
        {
            switch (json.NextMember(ref first, out Range member, out bool escaped))
            {
                case JsonCursor.Step.End:
                    return true;
                case JsonCursor.Step.Invalid:
                    return false;
            }

            if (escaped)
            {
                return false;
            }

            if (!Same(record[member], "ses:sender-identity"u8))
            {
                if (!json.TrySkipValue())
                {
                    return false;
                }

                continue;
            }

            if (identitySeen || !ScanIdentity(record, ref json, ref found))
            {
                return false;
            }

            identitySeen = true;
        }
    }

    /// <summary>
    /// <c>."ses:sender-identity"[0]</c> when it is a plain string; nothing (the query's <c>// "no-identity"</c>) when it
    /// is null or false; false for what makes the query fail or yield another kind of value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanIdentity(ReadOnlySpan<byte> record, ref JsonCursor json, ref Found found)
    {
        if (json.Peek() == 'n')
        {
            return json.TryLiteral("null"u8);
        }

        bool first = true;
        if (!json.TryStartArray())
        {
            return false;
        }

        switch (json.NextElement(ref first))
        {
            case JsonCursor.Step.End:
                return true;
            case JsonCursor.Step.Invalid:
                return false;
        }

        bool taken = json.Peek() switch
        {
            (byte)'n' => json.TryLiteral("null"u8),
            (byte)'f' => json.TryLiteral("false"u8),
            _ => found.IdentitySeen = TryPlainString(record, ref json, out found.Identity),
        };
        if (!taken)
        {
            return false;
        }

        while (true)
        {
            switch (json.NextElement(ref first))
            {
                case JsonCursor.Step.End:
                    return true;
                case JsonCursor.Step.Invalid:
                    return false;
            }

            if (!json.TrySkipValue())
            {
                return false;
            }
        }
    }

    /// <summary>An event type's own object: where its <c>timestamp</c> string is, if it has one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ScanDetail(ReadOnlySpan<byte> record, ref JsonCursor json, out Range timestamp)
    {
        timestamp = default;
        if (json.Peek() != '{')
        {
            return json.TrySkipValue();
        }

        if (!json.TryStartObject())
        {
            return false;
        }

        bool timestampSeen = false;
        bool first = true;
        while (true)
        {
            switch (json.NextMember(ref first, out Range member, out bool escaped))
            {
                case JsonCursor.Step.End:
                    return true;
                case JsonCursor.Step.Invalid:
                    return false;
            }

            if (escaped)
            {
                return false;
            }

            if (!Same(record[member], "timestamp"u8))
            {
                if (!json.TrySkipValue())
                {
                    return false;
                }

                continue;
            }

            if (timestampSeen || !TryOptionalString(record, ref json, out timestamp))
            {
                return false;
            }

            timestampSeen = true;
        }
    }

    /// <summary>Where a string without escapes or non-ASCII bytes is; anything else is for the general path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlainString(ReadOnlySpan<byte> record, ref JsonCursor json, out Range value) =>
        json.TryString(out value, out bool escaped) && !escaped && IsAscii(record[value]);

    /// <summary>A plain string, or a value that is not a string at all (which <see cref="EventTime"/> ignores).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryOptionalString(ReadOnlySpan<byte> record, ref JsonCursor json, out Range value)
    {
        if (json.Peek() == '"')
        {
            return TryPlainString(record, ref json, out value);
        }

        value = default;
        return json.TrySkipValue();
    }

    /// <summary>What <see cref="EventTime.Find"/> answers for a record with these plain values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static DateTimeOffset? TimeOf(ReadOnlySpan<byte> record, int index, ReadOnlySpan<Range> details, Range mailTimestamp)
    {
        if (index >= 0)
        {
            Range own = details[index];
            if (!own.Equals(default) && TryParseTime(record[own], out DateTimeOffset time))
            {
                return time;
            }
        }

        return !mailTimestamp.Equals(default) && TryParseTime(record[mailTimestamp], out DateTimeOffset sent) ? sent : null;
    }

    /// <summary>For a type spelled otherwise than SES does ("bounce"), which <see cref="SesEventTypes.TryParse"/> still reads.</summary>
    private static int DetailIndexOf(string eventType) =>
        SesEventTypes.TryParse(eventType, out SesEventType type) && type.HasOwnTimestamp()
            ? DetailIndex(Encoding.UTF8.GetBytes(type.DetailMember()))
            : -1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseTime(ReadOnlySpan<byte> text, out DateTimeOffset value) =>
        TryParseCanonicalTime(text, out value) || SesTimestamp.TryParse(Encoding.ASCII.GetString(text), out value);

    /// <summary>
    /// <c>2017-08-05T00:41:02.669Z</c>, the form event publishing writes, read without making a string; false for any
    /// other text, which <see cref="SesTimestamp.TryParse"/> then reads as it always does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseCanonicalTime(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != '.' || text[23] != 'Z')
        {
            return false;
        }

        int year = Digits(text[..4]);
        int month = Digits(text[5..7]);
        int day = Digits(text[8..10]);
        int hour = Digits(text[11..13]);
        int minute = Digits(text[14..16]);
        int second = Digits(text[17..19]);
        int millisecond = Digits(text[20..23]);
        if ((year | month | day | hour | minute | second | millisecond) < 0
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);
        return true;
    }

    /// <summary>The number the ASCII digits spell, or -1 when one is not a digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Digits(ReadOnlySpan<byte> text)
    {
        int number = 0;
        foreach (byte b in text)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return -1;
            }

            number = number * 10 + b - '0';
        }

        return number;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string IdentityText(ReadOnlySpan<byte> text)
    {
        (byte[] Utf8, string Text)[] recent = t_identities ??= new (byte[], string)[RecentIdentities];
        foreach ((byte[] utf8, string known) in recent)
        {
            if (utf8 is not null && Same(text, utf8))
            {
                return known;
            }
        }

        string made = Encoding.ASCII.GetString(text);
        recent[t_nextIdentity] = (text.ToArray(), made);
        t_nextIdentity = (t_nextIdentity + 1) % RecentIdentities;
        return made;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int DetailIndex(ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < DetailNames.Length; i++)
        {
            if (Same(name, DetailNames[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The event type's text, the same string instance for the wire names SES writes, and where the time of its own
    /// object is among the details (-1 when it has none).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string EventTypeText(ReadOnlySpan<byte> text, out int detail)
    {
        byte[][] wireNames = WireNamesUtf8;
        for (int i = 0; i < wireNames.Length; i++)
        {
            if (Same(text, wireNames[i]))
            {
                detail = WireDetailIndex[i];
                return WireNames[i];
            }
        }

        string eventType = Encoding.ASCII.GetString(text);
        detail = DetailIndexOf(eventType);
        return eventType;
    }

    /// <summary>
    /// Byte for byte equality, written out rather than the library's <c>SequenceEqual</c>:
    /// that method runs instrumented (a profiling helper call each time) for much of a short import.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Same(ReadOnlySpan<byte> text, ReadOnlySpan<byte> expected)
    {
        if (text.Length != expected.Length)
        {
            return false;
        }

        ref byte left = ref MemoryMarshal.GetReference(text);
        ref byte right = ref MemoryMarshal.GetReference(expected);
        int i = 0;
        for (; i <= text.Length - sizeof(ulong); i += sizeof(ulong))
        {
            if (Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref left, i)) != Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref right, i)))
            {
                return false;
            }
        }

        for (; i < text.Length; i++)
        {
            if (Unsafe.Add(ref left, i) != Unsafe.Add(ref right, i))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a short value (a key or a time) is ASCII; see <see cref="Same"/> for why it is written out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAscii(ReadOnlySpan<byte> text)
    {
        int high = 0;
        foreach (byte b in text)
        {
            high |= b;
        }

        return high < 0x80;
    }

    private static IEnumerable<SesEventType> TimedTypes() => SesEventTypes.All.Where(t => t.HasOwnTimestamp());

    private struct Found
    {
        public Range EventType;
        public Range Identity;
        public Range MailTimestamp;
        public bool EventTypeSeen;
        public bool IdentitySeen;
    }
}
