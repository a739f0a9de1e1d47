using SesAnalytics.Engine.Aws.SesV2.Model;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// The SES v2 operations on the account-level suppression list. An address that is not on the list is null from
/// <see cref="GetSuppressedDestinationAsync"/> (so a caller can add idempotently) and
/// <see cref="Errors.ErrorKind.ObjectNotFound"/> from <see cref="DeleteSuppressedDestinationAsync"/>.
/// </summary>
public interface ISesSuppressionClient
{
    /// <summary>The AWS region whose list this is, as messages name it.</summary>
    string Region { get; }

    /// <summary>Adds the address, or replaces its reason and time when it is on the list already (SES overwrites).</summary>
    Task PutSuppressedDestinationAsync(string emailAddress, string reason, CancellationToken cancellationToken);

    Task<SuppressedDestination?> GetSuppressedDestinationAsync(string emailAddress, CancellationToken cancellationToken);

    Task DeleteSuppressedDestinationAsync(string emailAddress, CancellationToken cancellationToken);

    Task<SuppressedDestinationPage> ListSuppressedDestinationsAsync(SuppressionListFilter filter, string? nextToken, CancellationToken cancellationToken);
}
