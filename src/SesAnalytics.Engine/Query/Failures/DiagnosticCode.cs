using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Query.Failures;

/// <summary>
/// Turns the diagnostic code a receiving server answered (<c>smtp; 550 5.1.1 &lt;bob@example.com&gt;... User unknown</c>)
/// into a short text that is the same for every recipient and message the same failure hit, so failures group:
/// <list type="number">
/// <item>the diagnostic type (<c>smtp;</c>, <c>x-postfix;</c>) and line breaks go;</item>
/// <item>the basic SMTP code (550) and the enhanced status (5.1.1) are kept, once, in front, whether the server wrote
/// them once or at the start of every line of a multi-line answer (<c>550-5.1.1 ... 550 5.1.1 ...</c>, as Gmail does);</item>
/// <item>what varies by recipient or message goes: addresses, <c>&lt;...&gt;</c>, <c>[...]</c> and quoted text, and
/// every word that holds a digit (queue and message ids, IP addresses, numbered host names, times, counters);</item>
/// <item>the rest is lower-cased, with whitespace collapsed and stray punctuation trimmed.</item>
/// </list>
/// </summary>
public static partial class DiagnosticCode
{
    /// <summary>
    /// An address, with its angle brackets: the queries blank these in SQL already, the same in both engines, so codes
    /// that differ only by recipient arrive as one row.
    /// </summary>
    public const string AddressPattern = @"<?[^\s<>@""'()\[\]]+@[^\s<>@""'()\[\]]+>?";

    /// <summary>The normalised text of <paramref name="code"/>, for example <c>550 5.1.1 user unknown</c>; null when there is none.</summary>
    public static string? Normalize(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        string text = Whitespace().Replace(code, " ").Trim();
        text = DiagnosticType().Replace(text, string.Empty);
        Match lead = Lead().Match(text);
        string? basic = lead.Success ? lead.Groups["basic"].Value : null;
        string? status = lead.Success && lead.Groups["status"].Success ? lead.Groups["status"].Value : null;
        text = lead.Success ? text[lead.Length..] : text;
        text = Continuation().Replace(text, " ");
        text = EnhancedStatus().Replace(text, " ");
        text = Address().Replace(text, " ");
        text = Enclosed().Replace(text, " ");
        text = Parenthesised().Replace(text, " ");
        text = WordWithDigit().Replace(text, " ");
        text = LoneDash().Replace(text, " ");
        text = Whitespace().Replace(text.ToLowerInvariant(), " ");
        text = SpaceBeforePunctuation().Replace(text, "$1");
        text = text.Trim(' ', '.', ',', ';', ':', '-', '#', '(', ')');

        string normalized = string.Join(" ", new[] { basic, status, text }.Where(p => !string.IsNullOrEmpty(p)));
        return normalized.Length == 0 ? null : normalized;
    }

    /// <summary>
    /// The enhanced status code of <paramref name="code"/> (<c>5.1.1</c>), read from where a server writes it: after the
    /// basic code, or first. Null when the answer has none.
    /// </summary>
    public static string? Status(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        Match lead = Lead().Match(DiagnosticType().Replace(Whitespace().Replace(code, " ").Trim(), string.Empty));
        return lead.Success && lead.Groups["status"].Success ? lead.Groups["status"].Value : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>RFC 3464's diagnostic-type: <c>smtp;</c>, <c>X-Postfix;</c>, <c>x-local-shell;</c>.</summary>
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9-]*\s*;\s*")]
    private static partial Regex DiagnosticType();

    /// <summary>The basic code and enhanced status a reply starts with: <c>550 5.1.1</c>, <c>550-5.1.1</c>, <c>550</c>, <c>5.1.1</c>.</summary>
    [GeneratedRegex(@"^(?:(?<basic>[245]\d\d)(?:[\s-]+|$))?(?:(?<status>[245]\.\d{1,3}\.\d{1,3})\b)?[\s-]*")]
    private static partial Regex Lead();

    /// <summary>The code that starts each further line of a multi-line reply: <c>550-5.1.1</c>, <c>550 5.1.1</c>, <c>550-</c>.</summary>
    [GeneratedRegex(@"(?<=^|\s)[245]\d\d(?:-|\s+[245]\.\d{1,3}\.\d{1,3}\b)(?:-|\s)?")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"\b[245]\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex EnhancedStatus();

    [GeneratedRegex(AddressPattern)]
    private static partial Regex Address();

    /// <summary>Text in angle or square brackets, or double quotes: local parts, message ids, host names and IPs, times.</summary>
    [GeneratedRegex(@"<[^>]*>|\[[^\]]*\]|""[^""]*""")]
    private static partial Regex Enclosed();

    /// <summary>A parenthesis left empty, or holding only what the other rules removed the words of.</summary>
    [GeneratedRegex(@"\([^()]*\d[^()]*\)|\(\s*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\S*\d\S*")]
    private static partial Regex WordWithDigit();

    /// <summary>A dash between words that only separated what went (<c>... account - mta1.example.com</c>).</summary>
    [GeneratedRegex(@"(?<=^|\s)-(?=\s|$)")]
    private static partial Regex LoneDash();

    [GeneratedRegex(@"\s+([.,;:])")]
    private static partial Regex SpaceBeforePunctuation();
}
