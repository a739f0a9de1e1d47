namespace SesAnalytics.Engine.Samples;

/// <summary>One event a sample message will produce, with the random choices its record needs already made.</summary>
internal readonly record struct PlannedEvent(SesEventType Type, DateTimeOffset Time, int Choice = 0, SampleBounceKind? Bounce = null);
