using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SesAnalytics.HelpBuilder;

/// <summary>Reads '## RELATED LINKS': one link per line; a line without a link names a help topic.</summary>
internal static class RelatedLinks
{
    public static List<LinkDoc> Read(Section? section, string? onlineVersion)
    {
        var links = new List<LinkDoc>();
        // platyPS puts the front matter's online version first: Get-Help -Online opens the first link's URI.
        if (MarkdownText.IsWebUrl(onlineVersion))
        {
            links.Add(new LinkDoc("Online Version:", onlineVersion!));
        }
        foreach (var block in section?.Blocks ?? [])
        {
            Append(block, links);
        }
        return links;
    }

    private static void Append(Block block, List<LinkDoc> links)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                AppendLines(paragraph.Inline, links);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Append(child, links);
                }
                break;
        }
    }

    private static void AppendLines(ContainerInline? inlines, List<LinkDoc> links)
    {
        var text = new StringBuilder();
        bool lineHasLink = false;
        void EndLine()
        {
            string topic = text.ToString().Trim();
            if (!lineHasLink && topic.Length > 0)
            {
                links.Add(new LinkDoc(topic, MarkdownText.IsWebUrl(topic) ? topic : ""));
            }
            text.Clear();
            lineHasLink = false;
        }

        for (var inline = inlines?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LineBreakInline:
                    EndLine();
                    break;
                case LinkInline { IsImage: false } link:
                    string label = MarkdownText.Inlines(link);
                    string uri = MarkdownText.IsWebUrl(link.Url) ? link.Url! : "";
                    links.Add(new LinkDoc(label.Length > 0 ? label : link.Url ?? "", uri));
                    lineHasLink = true;
                    break;
                case AutolinkInline { IsEmail: false } autolink:
                    links.Add(new LinkDoc(autolink.Url, autolink.Url));
                    lineHasLink = true;
                    break;
                default:
                    text.Append(MarkdownText.Inline(inline));
                    break;
            }
        }
        EndLine();
    }
}
