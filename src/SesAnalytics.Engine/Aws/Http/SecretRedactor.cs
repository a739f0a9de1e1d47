namespace SesAnalytics.Engine.Aws.Http;

/// <summary>
/// Removes the secrets of one attempt from text a server sent back: AWS's SignatureDoesNotMatch message quotes the
/// canonical request, which holds the session token, and a proxy may echo the Authorization header.
/// </summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    public static string Redact(string text, IEnumerable<string?> secrets)
    {
        foreach (string secret in secrets.Where(s => !string.IsNullOrEmpty(s)).Cast<string>().OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
