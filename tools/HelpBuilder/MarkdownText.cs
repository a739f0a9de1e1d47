using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SesAnalytics.HelpBuilder;

/// <summary>Flattens markdown blocks to the plain paragraphs MAML holds: the text a reader sees, without markup.</summary>
internal static class MarkdownText
{
    public static List<Paragraph> Paragraphs(IEnumerable<Block> blocks)
    {
        var paras = new List<Paragraph>();
        foreach (var block in blocks)
        {
            AppendParagraphs(block, paras);
        }
        return paras;
    }

    public static void AppendParagraphs(Block block, List<Paragraph> paras)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AddNonEmpty(paras, Inlines(paragraph.Inline), preformatted: false);
                break;
            case HeadingBlock heading:
                AddNonEmpty(paras, Inlines(heading.Inline), preformatted: false);
                break;
            case CodeBlock code:
                AddNonEmpty(paras, code.Lines.ToString(), preformatted: true);
                break;
            case ListBlock list:
                AppendList(list, paras);
                break;
            case HtmlBlock html when html.Type != HtmlBlockType.Comment:
                AddNonEmpty(paras, html.Lines.ToString(), preformatted: true);
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

    // Get-Help has no lists, so each item becomes a paragraph with its bullet kept and its lines hanging under its text.
    private static void AppendList(ListBlock list, List<Paragraph> paras)
    {
        int number = int.TryParse(list.OrderedStart, out int start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            string bullet = list.IsOrdered ? $"{number++}{list.OrderedDelimiter} " : "- ";
            string hanging = new(' ', bullet.Length);
            var itemParas = new List<Paragraph>();
            foreach (var child in item)
            {
                AppendParagraphs(child, itemParas);
            }
            for (int i = 0; i < itemParas.Count; i++)
            {
                paras.Add(itemParas[i].Nest(i == 0 ? bullet : hanging, hanging));
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
            // Markup is for the web page; the console shows the text (backticks and asterisks would print as they are).
            case CodeInline code:
                text.Append(code.Content);
                break;
            // Soft breaks are the author's wrapping; Paragraph.Wrap wraps again for the console.
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

    private static void AddNonEmpty(List<Paragraph> paras, string text, bool preformatted)
    {
        text = text.TrimEnd();
        if (text.Length > 0)
        {
            paras.Add(new Paragraph(text, preformatted));
        }
    }
}
