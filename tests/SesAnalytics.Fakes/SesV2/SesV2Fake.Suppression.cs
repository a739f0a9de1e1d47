using System.Globalization;
using System.Text.Json.Nodes;

namespace SesAnalytics.Fakes.SesV2;

/// <summary>
/// The account-level suppression list (moto does not serve it): Put, Get, Delete and List with SES's filters (Reason,
/// StartDate, EndDate) and paging (PageSize, NextToken), plus what a test scripts: throttling of the next calls and
/// addresses SES refuses as invalid.
/// </summary>
public sealed partial class SesV2Fake
{
    private static readonly string[] Reasons = ["BOUNCE", "COMPLAINT"];

    /// <summary>The list, by address (SES compares addresses without regard to case).</summary>
    public Dictionary<string, FakeSuppressedAddress> SuppressedAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many entries a List page holds when the request names no PageSize.</summary>
    public int SuppressionPageSize { get; set; } = 1000;

    /// <summary>The next this-many suppression-list calls answer 429 TooManyRequestsException, as SES does past its rate.</summary>
    public int ThrottleSuppressionCalls { get; set; }

    /// <summary>Addresses every suppression-list call refuses with 400 BadRequestException, as SES refuses a malformed one.</summary>
    public HashSet<string> RejectedAddresses { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>What Put answers with as the entry's LastUpdateTime; the wall clock when null.</summary>
    public DateTime? SuppressionTime { get; set; }

    /// <summary>Puts an address on the list as SES would have, with the ids of the message and feedback that put it there.</summary>
    public void Suppress(string emailAddress, string reason, DateTime lastUpdateTime, string? messageId = null, string? feedbackId = null)
    {
        lock (_lock)
        {
            SuppressedAddresses[emailAddress] = new FakeSuppressedAddress(emailAddress, reason, lastUpdateTime.ToUniversalTime(), messageId, feedbackId);
        }
    }

    private SesV2Answer AnswerSuppression(FakeRequest request, string[] path, JsonObject? body)
    {
        if (ThrottleSuppressionCalls > 0)
        {
            ThrottleSuppressionCalls--;
            return Failure(429, "TooManyRequestsException", "Too many requests have been made to the operation.");
        }

        string? address = path.Length == 3 ? path[2] : (string?)body?["EmailAddress"];
        if (address is not null && RejectedAddresses.Contains(address))
        {
            return Failure(400, "BadRequestException", $"Invalid email address <{address}>.");
        }

        return (request.Method, path.Length) switch
        {
            ("PUT", 2) => Put(address, (string?)body?["Reason"]),
            ("GET", 3) => SuppressedAddresses.TryGetValue(path[2], out FakeSuppressedAddress? entry)
                ? Json(new JsonObject { ["SuppressedDestination"] = Entry(entry, withAttributes: true) })
                : NotSuppressed(path[2]),
            ("DELETE", 3) => SuppressedAddresses.Remove(path[2]) ? Json([]) : NotSuppressed(path[2]),
            ("GET", 2) => List(request.Query),
            _ => Failure(400, "BadRequestException", $"This fake does not answer {request.Method} {request.Path}."),
        };
    }

    private SesV2Answer Put(string? address, string? reason)
    {
        if (string.IsNullOrEmpty(address) || reason is null || !Reasons.Contains(reason))
        {
            return Failure(400, "BadRequestException", "EmailAddress and a Reason of BOUNCE or COMPLAINT are required.");
        }

        SuppressedAddresses[address] = new FakeSuppressedAddress(address, reason, SuppressionTime ?? DateTime.UtcNow);
        return Json([]);
    }

    private SesV2Answer List(string query)
    {
        var parameters = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(p => (Key: Uri.UnescapeDataString(p[0]), Value: Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)))
            .ToList();
        string[] reasons = parameters.Where(p => p.Key == "Reason").Select(p => p.Value).ToArray();
        if (reasons.Any(r => !Reasons.Contains(r)))
        {
            return Failure(400, "BadRequestException", "Reason must be BOUNCE or COMPLAINT.");
        }

        DateTime? start = Time(parameters, "StartDate"), end = Time(parameters, "EndDate");
        int size = parameters.Where(p => p.Key == "PageSize").Select(p => int.Parse(p.Value, CultureInfo.InvariantCulture)).FirstOrDefault(SuppressionPageSize);
        string? token = parameters.Where(p => p.Key == "NextToken").Select(p => p.Value).FirstOrDefault();
        int offset = 0;
        if (token is not null && !(token.StartsWith("page-", StringComparison.Ordinal) && int.TryParse(token[5..], CultureInfo.InvariantCulture, out offset)))
        {
            return Failure(400, "InvalidNextTokenException", "The NextToken is not valid.");
        }

        List<FakeSuppressedAddress> matching = SuppressedAddresses.Values
            .Where(e => reasons.Length == 0 || reasons.Contains(e.Reason))
            .Where(e => (start is null || e.LastUpdateTime >= start) && (end is null || e.LastUpdateTime <= end))
            .OrderBy(e => e.EmailAddress, StringComparer.Ordinal)
            .ToList();
        var page = new JsonObject
        {
            ["SuppressedDestinationSummaries"] = new JsonArray(matching.Skip(offset).Take(size).Select(e => (JsonNode)Entry(e, withAttributes: false)).ToArray()),
        };
        if (offset + size < matching.Count)
        {
            page["NextToken"] = "page-" + (offset + size).ToString(CultureInfo.InvariantCulture);
        }

        return Json(page);
    }

    private static DateTime? Time(List<(string Key, string Value)> parameters, string name) =>
        parameters.Where(p => p.Key == name)
            .Select(p => (DateTime?)DateTimeOffset.Parse(p.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime)
            .FirstOrDefault();

    private static JsonObject Entry(FakeSuppressedAddress entry, bool withAttributes)
    {
        var json = new JsonObject
        {
            ["EmailAddress"] = entry.EmailAddress,
            ["Reason"] = entry.Reason,
            ["LastUpdateTime"] = new DateTimeOffset(DateTime.SpecifyKind(entry.LastUpdateTime, DateTimeKind.Utc)).ToUnixTimeMilliseconds() / 1000m,
        };
        if (withAttributes)
        {
            json["Attributes"] = new JsonObject { ["MessageId"] = entry.MessageId, ["FeedbackId"] = entry.FeedbackId };
        }

        return json;
    }

    private static SesV2Answer NotSuppressed(string address) =>
        Failure(404, "NotFoundException", $"Email address <{address}> does not exist on your suppression list.");
}
