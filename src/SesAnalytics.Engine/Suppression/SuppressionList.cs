using System.Globalization;
using System.Runtime.CompilerServices;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Suppression;

/// <summary>
/// Reads and removes entries of the account-level suppression list of one region, each call paced by
/// <see cref="RequestPacer"/>. Listing streams page by page; a direct lookup gives the entry with its message and
/// feedback ids.
/// </summary>
public sealed class SuppressionList(ISesSuppressionClient ses, RequestPacer pacer, IOutputSink sink)
{
    private const int ProgressId = 41;

    public async IAsyncEnumerable<SuppressedAddress> ListAsync(SuppressionListFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string activity = $"Listing the SES suppression list in {ses.Region}";
        string? token = null;
        int pages = 0, addresses = 0;
        do
        {
            sink.Progress(new ProgressReport(ProgressId, activity, Status(pages, addresses)));
            await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            SuppressedDestinationPage page = await ses.ListSuppressedDestinationsAsync(filter, token, cancellationToken).ConfigureAwait(false);
            pages++;
            foreach (SuppressedDestination destination in page.Destinations)
            {
                addresses++;
                yield return SuppressedAddress.From(destination);
            }

            token = page.NextToken;
        }
        while (token is not null);

        sink.Progress(new ProgressReport(ProgressId, activity, Status(pages, addresses), 100, Completed: true));
        sink.Verbose(string.Create(CultureInfo.InvariantCulture, $"Listed {addresses} suppressed address(es) in {pages} page(s)."));
    }

    /// <summary>The entry of <paramref name="emailAddress"/>; SesAddressNotSuppressed (ObjectNotFound) when it is not on the list.</summary>
    public async Task<SuppressedAddress> GetAsync(string emailAddress, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        SuppressedDestination? destination = await ses.GetSuppressedDestinationAsync(emailAddress, cancellationToken).ConfigureAwait(false);
        return destination is null
            ? throw new SesAnalyticsException(
                SesV2Client.NotSuppressedId,
                ErrorKind.ObjectNotFound,
                $"'{emailAddress}' is not on the account-level suppression list of SES in {ses.Region}. Check the address and the region.",
                emailAddress)
            : SuppressedAddress.From(destination);
    }

    /// <summary>Takes <paramref name="emailAddress"/> off the list; SesAddressNotSuppressed (ObjectNotFound) when it is not on it.</summary>
    public async Task RemoveAsync(string emailAddress, CancellationToken cancellationToken)
    {
        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
        await ses.DeleteSuppressedDestinationAsync(emailAddress, cancellationToken).ConfigureAwait(false);
        sink.Verbose($"Removed '{emailAddress}' from the suppression list in {ses.Region}.");
    }

    private static string Status(int pages, int addresses) =>
        string.Create(CultureInfo.InvariantCulture, $"{addresses:N0} address(es) in {pages} page(s)");
}
