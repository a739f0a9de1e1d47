using SesAnalytics.Engine.Aws;
using SesAnalytics.Engine.Aws.Context;
using SesAnalytics.Engine.Deployment;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Events;
using SesAnalytics.Engine.Objects;
using SesAnalytics.Engine.Partitioning;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Suppression;
using SesAnalytics.Engine.Query.Engagement;
using SesAnalytics.Engine.Query.Delivery;
using SesAnalytics.Engine.Query.Failures;
using SesAnalytics.Engine.Store.Cache;

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

    /// <summary>
    /// The short names of <paramref name="type"/> and of its public base types, most derived first (a bounce event is a
    /// <c>SesAnalytics.BounceEvent</c> and a <c>SesAnalytics.SesEvent</c>); empty for a type that is not one of ours.
    /// </summary>
    public static IReadOnlyList<string> ShortNamesOf(Type type)
    {
        var names = new List<string>();
        for (Type? current = type; current is not null; current = current.BaseType)
        {
            if (Known.Contains(current))
            {
                names.Add(ShortName(current));
            }
        }

        return names;
    }

    private static readonly HashSet<Type> Known = [.. All];
}
