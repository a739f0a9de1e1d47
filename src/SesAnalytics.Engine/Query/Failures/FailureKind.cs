using SesAnalytics.Engine.Events;

namespace SesAnalytics;

/// <summary>The events that say mail did not reach, or has not yet reached, its recipients.</summary>
public enum FailureKind
{
    /// <summary>The receiving server refused the mail (a hard, soft or undetermined bounce).</summary>
    Bounce,

    /// <summary>Delivery is late; SES keeps retrying.</summary>
    DeliveryDelay,

    /// <summary>SES refused to send the mail (a virus, for instance).</summary>
    Reject,

    /// <summary>SES could not fill in the mail's template.</summary>
    RenderingFailure,
}

/// <summary>Between the failure kinds and the event types that report them.</summary>
public static class FailureKinds
{
    public static IReadOnlyList<FailureKind> All { get; } = Enum.GetValues<FailureKind>();

    public static SesEventType EventType(this FailureKind kind) => kind switch
    {
        FailureKind.Bounce => SesEventType.Bounce,
        FailureKind.DeliveryDelay => SesEventType.DeliveryDelay,
        FailureKind.Reject => SesEventType.Reject,
        _ => SesEventType.RenderingFailure,
    };

    public static FailureKind Of(SesEventType type) => All.First(k => k.EventType() == type);

    /// <summary>Whether the kind's reason is a diagnostic code from a server, which <see cref="DiagnosticCode"/> normalises.</summary>
    public static bool HasDiagnosticCode(this FailureKind kind) => kind is FailureKind.Bounce or FailureKind.DeliveryDelay;
}
