using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Output;

/// <summary>
/// The types a user names in PowerShell (<c>[SesAnalytics.BounceRecord]</c>, <c>-is</c>, <c>catch
/// [SesAnalytics.SesAnalyticsException]</c>), each under <c>SesAnalytics.</c> and its own name: what the module outputs,
/// the parts of those outputs, their enums, and the exceptions it throws. They live in the module's private load
/// context, where PowerShell cannot find them by their full names.
/// </summary>
public static class PublicTypes
{
    public const string Namespace = "SesAnalytics";

    // The outputs and their parts are declared in the namespace SesAnalytics itself (their files stay in their domain
    // folders), so the names PowerShell derives from the .NET type (PSTypeNames, Get-Member, the format views, a user's
    // Update-TypeData) already are the short names: giving each written object its names per instance cost 12 % of a
    // large query's CPU. The exceptions keep their engine namespace; a user names them through the accelerators alone.
    public static IReadOnlyList<Type> All { get; } =
    [
        // Outputs
        typeof(AwsContextSummary), typeof(BounceRecord), typeof(EventSummary), typeof(ReputationStatus),
        typeof(ImportSummary), typeof(ImportStatus), typeof(EventObject), typeof(SaveSummary),
        typeof(SesAnalyticsStack), typeof(ConfigSetDestination), typeof(SimulatorMessage),
        typeof(SuppressedAddress), typeof(SuppressionSummary),
        typeof(EngagementSummary), typeof(LinkSummary),
        typeof(DeliveryTimeSummary), typeof(FailureSummary), typeof(FailureKind),
        typeof(EventCacheEntry), typeof(CacheState),

        // Events and their parts
        typeof(SesEvent), typeof(SesEventType), typeof(AddressList),
        typeof(SendEvent), typeof(RejectEvent), typeof(BounceEvent), typeof(ComplaintEvent), typeof(DeliveryEvent),
        typeof(OpenEvent), typeof(ClickEvent), typeof(RenderingFailureEvent), typeof(DeliveryDelayEvent), typeof(SubscriptionEvent),
        typeof(MailInfo), typeof(CommonHeaders), typeof(MailHeader),
        typeof(SendInfo), typeof(RejectInfo), typeof(BounceInfo), typeof(BouncedRecipient), typeof(ComplaintInfo),
        typeof(ComplainedRecipient), typeof(DeliveryInfo), typeof(OpenInfo), typeof(ClickInfo), typeof(FailureInfo),
        typeof(DeliveryDelayInfo), typeof(DelayedRecipient), typeof(SubscriptionInfo), typeof(TopicPreferences),
        typeof(TopicSubscriptionStatus),

        // Errors
        typeof(SesAnalyticsException), typeof(InvalidInputException), typeof(AwsServiceException), typeof(ErrorKind),
    ];

    /// <summary>The name a user types for <paramref name="type"/>: <c>SesAnalytics.</c> and the type's own name.</summary>
    public static string ShortName(Type type) => Namespace + "." + type.Name;
}
