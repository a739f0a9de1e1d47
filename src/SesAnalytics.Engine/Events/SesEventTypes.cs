namespace SesAnalytics.Engine.Events;

/// <summary>Between the enum and the <c>eventType</c> text SES writes ("Rendering Failure" has a space).</summary>
public static class SesEventTypes
{
    public static IReadOnlyList<SesEventType> All { get; } = Enum.GetValues<SesEventType>();

    public static string WireName(this SesEventType type) =>
        type == SesEventType.RenderingFailure ? "Rendering Failure" : type.ToString();

    /// <summary>The member of the record that holds the type's own object ("failure" for Rendering Failure).</summary>
    public static string DetailMember(this SesEventType type) => type switch
    {
        SesEventType.RenderingFailure => "failure",
        SesEventType.DeliveryDelay => "deliveryDelay",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>Accepts the wire name, the enum name, or an SNS notification type, ignoring case.</summary>
    public static bool TryParse(string? text, out SesEventType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        string compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        return Enum.TryParse(compact, ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}
