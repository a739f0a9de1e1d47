using System.Text.Json.Serialization;
using SesAnalytics.Engine.Aws.Protocol;

namespace SesAnalytics.Engine.Aws.SesV2.Model;

// The wire shapes of the account-level suppression list live together: they only make sense as a set.

/// <summary>
/// An address on the suppression list: what GetSuppressedDestination answers, and (without <see cref="Attributes"/>)
/// one summary of ListSuppressedDestinations. <see cref="Reason"/> is BOUNCE or COMPLAINT.
/// </summary>
public sealed record SuppressedDestination(
    string EmailAddress,
    string Reason,
    [property: JsonConverter(typeof(EpochSecondsConverter))] DateTimeOffset LastUpdateTime)
{
    public SuppressedDestinationAttributes? Attributes { get; init; }
}

/// <summary>The message that put the address on the list, and the feedback id of its bounce or complaint.</summary>
public sealed record SuppressedDestinationAttributes
{
    public string? MessageId { get; init; }

    public string? FeedbackId { get; init; }
}

/// <summary>What ListSuppressedDestinations is asked for; SES filters on the time an address was last added or updated.</summary>
public sealed record SuppressionListFilter
{
    /// <summary>BOUNCE, COMPLAINT or both; empty for every reason.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    public DateTimeOffset? StartDate { get; init; }

    public DateTimeOffset? EndDate { get; init; }

    /// <summary>The page size to ask for; null leaves it to SES.</summary>
    public int? PageSize { get; init; }
}

/// <summary>One page of ListSuppressedDestinations; <see cref="NextToken"/> is null on the last.</summary>
public sealed record SuppressedDestinationPage(IReadOnlyList<SuppressedDestination> Destinations, string? NextToken);

internal sealed record PutSuppressedDestinationBody(string EmailAddress, string Reason);

internal sealed record GetSuppressedDestinationResponse(SuppressedDestination? SuppressedDestination);

internal sealed record ListSuppressedDestinationsResponse(IReadOnlyList<SuppressedDestination>? SuppressedDestinationSummaries, string? NextToken);
