using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// Removes the secrets of one attempt from text a server sent back: AWS's SignatureDoesNotMatch message quotes the
/// canonical request, which holds the session token, and a proxy may echo the Authorization header.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    /// <summary>Any SigV4 Authorization value or presigned signature, whoever's, even if a proxy reformatted it.</summary>
    private static readonly Regex SignatureText = new(
        @"AWS4-HMAC-SHA256\s+Credential=[^\s,]*(,\s*SignedHeaders=[^\s,]*)?(,\s*Signature=[0-9a-fA-F*]*)?|(X-Amz-)?Signature=[0-9a-fA-F]+",
        RegexOptions.CultureInvariant);

    public static string Redact(string text, IEnumerable<string?> secrets)
    {
        foreach (string secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Cast<string>().OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return SignatureText.Replace(text, Mask);
    }
}
