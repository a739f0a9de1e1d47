namespace SesAnalytics.Engine.Suppression;

/// <summary>The reasons SES keeps an address on the suppression list, in the API's words.</summary>
public static class SuppressionReasons
{
    public const string Bounce = "BOUNCE";

    public const string Complaint = "COMPLAINT";

    public static IReadOnlyList<string> All { get; } = [Bounce, Complaint];

    /// <summary>
    /// The reason a value names: BOUNCE or COMPLAINT in any case, an event type (Bounce, Complaint), or a bounce type
    /// (Permanent, Transient, Undetermined), which is what a piped bounce or complaint carries; null for anything else.
    /// </summary>
    public static string? FromValue(string value) => value.Trim().ToUpperInvariant() switch
    {
        Bounce or "PERMANENT" or "TRANSIENT" or "UNDETERMINED" => Bounce,
        Complaint => Complaint,
        _ => null,
    };
}
