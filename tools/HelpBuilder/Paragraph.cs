using System.Text;

namespace SesAnalytics.HelpBuilder;

/// <summary>
/// One paragraph of help text. <see cref="Text"/> is prose whose '\n' are the author's hard breaks, or, when
/// <see cref="Preformatted"/>, code kept line for line. <see cref="FirstPrefix"/> goes before the first line (a list
/// bullet) and <see cref="Indent"/> before every other one, so a list item's lines hang under its text.
/// </summary>
internal sealed record Paragraph(string Text, bool Preformatted = false, string FirstPrefix = "", string Indent = "")
{
    /// <summary>This paragraph inside a list item: <paramref name="firstPrefix"/> before its first line, <paramref name="indent"/> before the others.</summary>
    public Paragraph Nest(string firstPrefix, string indent) =>
        this with { FirstPrefix = firstPrefix + FirstPrefix, Indent = indent + Indent };

    /// <summary>
    /// The paragraph as lines of at most <paramref name="width"/> characters, broken between words. Get-Help wraps
    /// text between words only in a few cultures (en, fr, de, it, pt, es) and cuts words anywhere in every other one,
    /// the invariant culture of a C or POSIX locale included; lines that already fit are printed as they are, so help
    /// wrapped here reads the same in every culture. A word longer than the width (a long URL) gets a line of its own.
    /// </summary>
    public string Wrap(int width)
    {
        var lines = new List<string>();
        string prefix = FirstPrefix;
        foreach (string source in Text.Replace("\r\n", "\n").Split('\n'))
        {
            if (Preformatted)
            {
                lines.Add((prefix + source).TrimEnd());
            }
            else
            {
                AddWrapped(source, prefix, width, lines);
            }
            prefix = Indent;
        }
        return string.Join("\n", lines);
    }

    private void AddWrapped(string source, string prefix, int width, List<string> lines)
    {
        var line = new StringBuilder(prefix);
        bool hasWord = false;
        foreach (string word in source.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (hasWord && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear().Append(Indent);
                hasWord = false;
            }
            line.Append(hasWord ? " " : "").Append(word);
            hasWord = true;
        }
        lines.Add(line.ToString().TrimEnd());
    }
}
