using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace SesAnalytics.Engine.Events;

/// <summary>
/// An SES record delivered through SNS: an object whose <c>Message</c> is the record as a JSON string. The one rule both
/// the parser and the importer follow, so a record is unwrapped by both or by neither.
/// </summary>
internal static class SnsEnvelope
{
    /// <summary>True for an object with a string <c>Message</c> that is not itself an SES record (no event type).</summary>
    public static bool TryUnwrap(JsonElement root, [NotNullWhen(true)] out string? message)
    {
        message = null;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Message", out JsonElement body)
            || body.ValueKind != JsonValueKind.String
            || root.TryGetMember("eventType", out _)
            || root.TryGetMember("notificationType", out _))
        {
            return false;
        }

        message = body.GetString()!;
        return true;
    }
}
