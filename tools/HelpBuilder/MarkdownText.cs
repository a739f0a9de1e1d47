using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SesAnalytics.HelpBuilder;

/// <summary>Flattens markdown blocks to the plain paragraphs MAML holds.</summary>
internal static class MarkdownText
{
    public static List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var paras = new List<string>();
        foreach (var block in blocks)
        {
            AppendParagraphs(block, paras);
        }
        return paras;
    }

    public static void AppendParagraphs(Block block, List<string> paras)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AddNonEmpty(paras, Inlines(paragraph.Inline));
                break;
            case HeadingBlock heading:
                AddNonEmpty(paras, Inlines(heading.Inline));
                break;
            case CodeBlock code:
                AddNonEmpty(paras, code.Lines.ToString());
                break;
            case ListBlock list:
                AppendList(list, paras);
                break;
            case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                AddNonEmpty(paras, html.Lines.ToString());
                break;
            case LeafBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendParagraphs(child, paras);
                }
                break;
        }
    }

    // Get-Help wraps paragraphs itself and has no lists, so each item becomes a paragraph with its bullet kept.
    private static void AppendList(ListBlock list, List<string> paras)
    {
        int number = int.TryParse(list.OrderedStart, out int start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            string bullet = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "- ";
            var itemParas = new List<string>();
            foreach (var child in item)
            {
                AppendParagraphs(child, itemParas);
            }
            for (int i = 0; i < itemParas.Count; i++)
            {
                string prefix = i == 0 ? bullet : new string(' ', bullet.Length);
                paras.Add(prefix + itemParas[i].Replace("\n", "\n" + new string(' ', bullet.Length)));
            }
        }
    }

    /// <summary>The text of a container's children (for a link: its label).</summary>
    public static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is not null)
        {
            AppendChildren(container, text);
        }
        return text.ToString().Trim();
    }

    public static string Inline(Inline inline)
    {
        var text = new StringBuilder();
        Append(inline, text);
        return text.ToString();
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        switch (inline)
        {
            case null:
                break;
            case LiteralInline literal:
                text.Append(literal.Content.AsSpan());
                break;
            // platyPS keeps backticks, and readers of Get-Help rely on them to see what is literal.
            case CodeInline code:
                text.Append('`').Append(code.Content).Append('`');
                break;
            // Soft breaks are the author's wrapping; Get-Help rewraps to the console width.
            case LineBreakInline lineBreak:
                text.Append(lineBreak.IsHard ? "\n" : " ");
                break;
            case HtmlEntityInline entity:
                text.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                text.Append(autolink.Url);
                break;
            // A bare <String> in prose parses as HTML; it is meant as text.
            case HtmlInline html:
                text.Append(html.Tag);
                break;
            case LinkInline { IsImage: true }:
                break;
            case LinkInline link:
                AppendChildren(link, text);
                if (IsWebUrl(link.Url) && link.Url != Inlines(link))
                {
                    text.Append(" (").Append(link.Url).Append(')');
                }
                break;
            case ContainerInline container:
                AppendChildren(container, text);
                break;
            default:
                text.Append(inline.ToString());
                break;
        }
    }

    private static void AppendChildren(ContainerInline container, StringBuilder text)
    {
        for (var child = container.FirstChild; child is not null; child = child.NextSibling)
        {
            Append(child, text);
        }
    }

    public static bool IsWebUrl(string? url) =>
        url is not null
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static void AddNonEmpty(List<string> paras, string text)
    {
        text = text.TrimEnd();
        if (text.Length > 0)
        {
            paras.Add(text);
        }
    }
}
