using SesAnalytics.Engine.Events;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// What a user asked for, independent of where it runs: rendered to DuckDB SQL over a local store here, and to Athena
/// SQL over the bucket by the cloud side. Patterns are PowerShell wildcards; an empty list means "any".
/// </summary>
public sealed record EventQuery(
    IReadOnlyList<string> Identities,
    IReadOnlyList<SesEventType> EventTypes,
    DayRange Days,
    IReadOnlyList<string> BounceTypes,
    IReadOnlyList<string> Recipients)
{
    /// <summary>Each type once, in the enum's order: a type named twice must not read its objects twice.</summary>
    public IReadOnlyList<SesEventType> EventTypes { get; init; } = SesEventTypes.DistinctInOrder(EventTypes);

    public static EventQuery Bounces(DayRange days, IReadOnlyList<string>? identities = null, IReadOnlyList<string>? bounceTypes = null, IReadOnlyList<string>? recipients = null) =>
        new(identities ?? [], [SesEventType.Bounce], days, bounceTypes ?? [], recipients ?? []);

    public static EventQuery AllEvents(DayRange days, IReadOnlyList<string>? identities = null) =>
        new(identities ?? [], SesEventTypes.All, days, [], []);
}
