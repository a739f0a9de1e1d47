using System.Globalization;
using SesAnalytics.Engine.Aws.SesV2;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Engine.Suppression;

/// <summary>
/// Puts addresses on the account-level suppression list, idempotently: each address is looked up first, so one already
/// there for the same reason is left alone and counted, and one there for another reason is updated and said so
/// (PutSuppressedDestination would silently overwrite either). Calls are paced; an address that fails is reported and the
/// next one goes on. When stopped, what was done so far is said as a warning, since no output can follow a stop.
/// </summary>
public sealed class SuppressionAdder(ISesSuppressionClient ses, RequestPacer pacer, IOutputSink sink)
{
    private const int ProgressId = 42;

    /// <param name="shouldAdd">Asked before each change with the address and what will be done (ShouldProcess).</param>
    public async Task<SuppressionSummary> AddAsync(
        IReadOnlyList<SuppressionRequest> requests, Func<string, string, Task<bool>> shouldAdd, CancellationToken cancellationToken)
    {
        List<SuppressionRequest> distinct = Distinct(requests);
        string activity = $"Adding addresses to the SES suppression list in {ses.Region}";
        int added = 0, updated = 0, already = 0, failed = 0, skipped = 0, done = 0;
        try
        {
            foreach (SuppressionRequest request in distinct)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Report(activity, done, distinct.Count, added, already, failed, request.EmailAddress);
                try
                {
                    await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
                    SuppressedDestination? existing = await ses.GetSuppressedDestinationAsync(request.EmailAddress, cancellationToken).ConfigureAwait(false);
                    if (existing is not null && string.Equals(existing.Reason, request.Reason, StringComparison.OrdinalIgnoreCase))
                    {
                        already++;
                        sink.Verbose(string.Create(
                            CultureInfo.InvariantCulture,
                            $"'{request.EmailAddress}' is on the suppression list already for {existing.Reason}, since {existing.LastUpdateTime.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z."));
                    }
                    else if (!await shouldAdd(request.EmailAddress, Action(request, existing)).ConfigureAwait(false))
                    {
                        skipped++;
                    }
                    else
                    {
                        await pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
                        await ses.PutSuppressedDestinationAsync(request.EmailAddress, request.Reason, cancellationToken).ConfigureAwait(false);
                        if (existing is null)
                        {
                            added++;
                            sink.Verbose($"Added '{request.EmailAddress}' to the suppression list for {request.Reason}.");
                        }
                        else
                        {
                            updated++;
                            sink.Warning($"'{request.EmailAddress}' was on the suppression list for {existing.Reason}; its reason is now {request.Reason}.");
                        }
                    }
                }
                catch (SesAnalyticsException error) when (!cancellationToken.IsCancellationRequested && SuppressionErrors.IsAboutTheAddress(error))
                {
                    failed++;
                    sink.Error(new SesAnalyticsException(
                        error.ErrorId, error.Kind, $"Could not suppress '{request.EmailAddress}': {error.Message}", request.EmailAddress, error));
                }

                done++;
            }
        }
        catch (Exception stop) when (stop is OperationCanceledException or SesAnalyticsException)
        {
            sink.Warning(string.Create(
                CultureInfo.InvariantCulture,
                $"Stopped after {done} of {distinct.Count} address(es): {added} added, {updated} updated, {already} already suppressed, {failed} failed, {skipped} skipped; {distinct.Count - done} not tried."));
            throw;
        }

        sink.Progress(new ProgressReport(ProgressId, activity, "Done", 100, Completed: true));
        return new SuppressionSummary(added, updated, already, failed, skipped);
    }

    private static string Action(SuppressionRequest request, SuppressedDestination? existing) => existing is null
        ? $"Add to the account-level suppression list for {request.Reason}"
        : $"Change the suppression reason from {existing.Reason} to {request.Reason}";

    /// <summary>Each address once (SES compares them without regard to case), with the reason it was first given.</summary>
    private List<SuppressionRequest> Distinct(IReadOnlyList<SuppressionRequest> requests)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var distinct = new List<SuppressionRequest>(requests.Count);
        foreach (SuppressionRequest request in requests)
        {
            if (seen.Add(request.EmailAddress))
            {
                distinct.Add(request);
            }
            else
            {
                sink.Verbose($"'{request.EmailAddress}' was given more than once; it is suppressed once, for the reason it came with first.");
            }
        }

        return distinct;
    }

    /// <summary>Two calls an address at the paced rate: how long the rest will take.</summary>
    private void Report(string activity, int done, int total, int added, int already, int failed, string current) => sink.Progress(new ProgressReport(
        ProgressId,
        activity,
        string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0}: {added} added, {already} already there, {failed} failed"),
        total == 0 ? 100 : done * 100 / total,
        current,
        (int)Math.Ceiling((total - done) * 2 * pacer.Interval.TotalSeconds)));
}
