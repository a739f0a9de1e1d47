using System.Globalization;
using SesAnalytics.Engine.Aws.Http;
using SesAnalytics.Engine.Aws.SesV2.Model;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Aws.SesV2;

/// <summary>
/// The account-level suppression list (<c>/v2/email/suppression/addresses</c>). Every call is safe to repeat (a PUT
/// overwrites, a DELETE of a removed address only fails as not found), so all of them are retried after server errors
/// as well as throttling. SES's NotFoundException is about the one address the call names.
/// </summary>
public sealed partial class SesV2Client : ISesSuppressionClient
{
    private const string SuppressedAddresses = "/v2/email/suppression/addresses";

    public string Region => _http.Options.Region;

    public Task PutSuppressedDestinationAsync(string emailAddress, string reason, CancellationToken cancellationToken) =>
        SendSuppressionAsync(
            "PutSuppressedDestination",
            HttpMethod.Put,
            SuppressedAddresses,
            Json(new PutSuppressedDestinationBody(emailAddress, reason), SesV2JsonContext.Default.PutSuppressedDestinationBody),
            emailAddress,
            static _ => true,
            cancellationToken);

    public async Task<SuppressedDestination?> GetSuppressedDestinationAsync(string emailAddress, CancellationToken cancellationToken)
    {
        try
        {
            return await SendSuppressionAsync(
                "GetSuppressedDestination",
                HttpMethod.Get,
                $"{SuppressedAddresses}/{Label(emailAddress)}",
                body: null,
                emailAddress,
                response => Read(response, SesV2JsonContext.Default.GetSuppressedDestinationResponse).SuppressedDestination
                    ?? throw new System.Text.Json.JsonException("GetSuppressedDestination answered without a SuppressedDestination."),
                cancellationToken).ConfigureAwait(false);
        }
        catch (SesAnalyticsException error) when (error.ErrorId == NotSuppressedId)
        {
            return null;
        }
    }

    public Task DeleteSuppressedDestinationAsync(string emailAddress, CancellationToken cancellationToken) =>
        SendSuppressionAsync(
            "DeleteSuppressedDestination",
            HttpMethod.Delete,
            $"{SuppressedAddresses}/{Label(emailAddress)}",
            body: null,
            emailAddress,
            static _ => true,
            cancellationToken);

    public Task<SuppressedDestinationPage> ListSuppressedDestinationsAsync(SuppressionListFilter filter, string? nextToken, CancellationToken cancellationToken)
    {
        var query = new List<string>();
        query.AddRange(filter.Reasons.Select(reason => "Reason=" + Label(reason)));
        if (filter.StartDate is { } start)
        {
            query.Add("StartDate=" + Label(Iso8601(start)));
        }

        if (filter.EndDate is { } end)
        {
            query.Add("EndDate=" + Label(Iso8601(end)));
        }

        if (nextToken is not null)
        {
            query.Add("NextToken=" + Label(nextToken));
        }

        if (filter.PageSize is { } size)
        {
            query.Add("PageSize=" + size.ToString(CultureInfo.InvariantCulture));
        }

        string path = query.Count == 0 ? SuppressedAddresses : SuppressedAddresses + "?" + string.Join('&', query);
        return SendSuppressionAsync(
            "ListSuppressedDestinations",
            HttpMethod.Get,
            path,
            body: null,
            emailAddress: null,
            response =>
            {
                ListSuppressedDestinationsResponse page = Read(response, SesV2JsonContext.Default.ListSuppressedDestinationsResponse);
                return new SuppressedDestinationPage(page.SuppressedDestinationSummaries ?? [], string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken);
            },
            cancellationToken);
    }

    internal const string NotSuppressedId = "SesAddressNotSuppressed";

    /// <summary>A query-string timestamp as botocore writes one: ISO 8601 in UTC, with milliseconds only when there are any.</summary>
    private static string Iso8601(DateTimeOffset time)
    {
        DateTime utc = time.UtcDateTime;
        return utc.ToString(utc.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }

    private async Task<T> SendSuppressionAsync<T>(
        string operation, HttpMethod method, string path, byte[]? body, string? emailAddress, Func<AwsResponse, T> read, CancellationToken cancellationToken)
    {
        var request = new AwsRequest(operation, method, path, body ?? [], Idempotent: true) { ContentType = body is null ? null : JsonContentType };
        try
        {
            return await _http.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (error.ErrorCode == "NotFoundException" && emailAddress is not null)
        {
            throw new SesAnalyticsException(
                NotSuppressedId,
                ErrorKind.ObjectNotFound,
                $"'{emailAddress}' is not on the account-level suppression list of SES in {Region}. " +
                $"Check the address and the region; Get-SesSuppressedAddress lists the addresses that are. ({error.Message})",
                emailAddress,
                error);
        }
        catch (AwsServiceException error) when (error.ErrorCode is "BadRequestException" or "InvalidNextTokenException")
        {
            string about = emailAddress is null ? "the listing" : $"'{emailAddress}'";
            throw new SesAnalyticsException(
                "SesBadRequest",
                ErrorKind.InvalidArgument,
                $"SES {operation} refused {about}; SES's message, in parentheses, says why. ({error.Message})",
                emailAddress ?? (object)operation,
                error);
        }
    }
}
