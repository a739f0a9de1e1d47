using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Report;

/// <summary>
/// Diagnostic codes as a person groups them: without the <c>smtp;</c> prefix, addresses, host names, ids and numbers
/// other than the SMTP and enhanced status codes, in lower case, whitespace folded, cut to a readable length.
/// </summary>
public static partial class DiagnosticCodes
{
    private const int MaxLength = 100;

    public const string None = "(no diagnostic code)";

    public static string Normalise(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return None;
        }

        string text = Prefix().Replace(code.Trim(), string.Empty);
        Match status = Status().Match(text);
        string head = status.Success ? status.Value.Trim() : string.Empty;
        string rest = status.Success ? text[status.Length..] : text;
        rest = Address().Replace(rest, "<address>");
        rest = Url().Replace(rest, "<url>");
        rest = Host().Replace(rest, "<host>");
        rest = Token().Replace(rest, "#");
        string normal = Space().Replace(head + " " + rest.ToLowerInvariant(), " ").Trim();
        return normal.Length <= MaxLength ? normal : normal[..(MaxLength - 1)] + "…";
    }

    [GeneratedRegex(@"^\s*(smtp|x-postfix|x-unix)\s*;\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^\s*\d{3}([ -]+\d\.\d{1,3}\.\d{1,3})?\b")]
    private static partial Regex Status();

    [GeneratedRegex(@"<?[^\s<>@""']+@[^\s<>@""']+>?")]
    private static partial Regex Address();

    [GeneratedRegex(@"https?://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"\b([a-z0-9-]+\.)+[a-z]{2,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Host();

    [GeneratedRegex(@"\b(?=[0-9a-z._-]*\d)[0-9a-z._-]{1,}\b|\[[^\]]*\]", RegexOptions.IgnoreCase)]
    private static partial Regex Token();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
