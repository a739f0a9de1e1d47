namespace SesAnalytics.Engine.Events;

/// <summary>Between the enum and the <c>eventType</c> text SES writes ("Rendering Failure" has a space).</summary>
public static class SesEventTypes
{
    public static IReadOnlyList<SesEventType> All { get; } = Enum.GetValues<SesEventType>();

    /// <summary>Each type of <paramref name="types"/> once, in the enum's order.</summary>
    /// <remarks>A loop over a table, not LINQ: LINQ over an enum is code compiled on the spot at a session's first query.</remarks>
    public static IReadOnlyList<SesEventType> DistinctInOrder(IEnumerable<SesEventType> types)
    {
        var present = new bool[All.Count];
        int count = 0;
        foreach (SesEventType type in types)
        {
            if ((uint)type >= (uint)present.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(types), type, "Not one of the ten SES event types.");
            }

            if (!present[(int)type])
            {
                present[(int)type] = true;
                count++;
            }
        }

        var distinct = new SesEventType[count];
        int next = 0;
        for (int i = 0; i < present.Length; i++)
        {
            if (present[i])
            {
                distinct[next++] = (SesEventType)i;
            }
        }

        return distinct;
    }

    public static string WireName(this SesEventType type) =>
        type == SesEventType.RenderingFailure ? "Rendering Failure" : type.ToString();

    /// <summary>The member of the record that holds the type's own object ("failure" for Rendering Failure).</summary>
    public static string DetailMember(this SesEventType type) => type switch
    {
        SesEventType.RenderingFailure => "failure",
        SesEventType.DeliveryDelay => "deliveryDelay",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether the type's own object carries the event's <c>timestamp</c>; Send, Reject and Rendering Failure
    /// events have only the mail's.</summary>
    public static bool HasOwnTimestamp(this SesEventType type) =>
        type is not (SesEventType.Send or SesEventType.Reject or SesEventType.RenderingFailure);

    /// <summary>Accepts the wire name, the enum name, or an SNS notification type, ignoring case.</summary>
    public static bool TryParse(string? text, out SesEventType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        // By name only: Enum.TryParse would also take "7" and "Bounce, Open" (flags OR-ed into another type).
        string compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (SesEventType candidate in All)
        {
            if (candidate.ToString().Equals(compact, StringComparison.OrdinalIgnoreCase))
            {
                type = candidate;
                return true;
            }
        }

        return false;
    }
}
