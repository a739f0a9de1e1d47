using System.Globalization;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace SesAnalytics.HelpBuilder;

/// <summary>Reads one platyPS 0.14 cmdlet doc into a <see cref="CommandDoc"/>.</summary>
internal static partial class MarkdownReader
{
    public const string AllParameterSets = "__AllParameterSets";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly string[] KnownSections =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static Dictionary<string, string> FrontMatter(MarkdownDocument document)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (document.Count > 0 && document[0] is YamlFrontMatterBlock front)
        {
            foreach (string line in front.Lines.ToString().Split('\n'))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    values.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
                }
            }
        }
        return values;
    }

    public static CommandDoc Read(MarkdownDocument document, IReadOnlyDictionary<string, string> frontMatter)
    {
        var (title, sections) = SplitSections(document);
        string name = Text(title);
        int dash = name.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == name.Length - 1 || name.Any(char.IsWhiteSpace))
        {
            throw new DocException(LineOf(title), $"the '# ' heading must be the command's Verb-Noun name, not '{name}'");
        }

        var synopsisSection = sections.GetValueOrDefault("SYNOPSIS")
            ?? throw new DocException(LineOf(title), "the doc has no '## SYNOPSIS' section");
        var synopsis = MarkdownText.Paragraphs(synopsisSection.Blocks);
        if (synopsis.Count == 0)
        {
            throw new DocException(LineOf(synopsisSection.Heading), "SYNOPSIS is empty");
        }

        var parameters = ParameterSection.Read(sections.GetValueOrDefault("PARAMETERS"));
        return new CommandDoc(
            Name: name,
            Verb: name[..dash],
            Noun: name[(dash + 1)..],
            Synopsis: synopsis,
            Description: MarkdownText.Paragraphs(sections.GetValueOrDefault("DESCRIPTION")?.Blocks ?? []),
            Syntax: SyntaxSection.Read(sections.GetValueOrDefault("SYNTAX"), parameters),
            Parameters: parameters,
            Examples: ReadExamples(sections.GetValueOrDefault("EXAMPLES")),
            Inputs: ReadTypes(sections.GetValueOrDefault("INPUTS")),
            Outputs: ReadTypes(sections.GetValueOrDefault("OUTPUTS")),
            Notes: MarkdownText.Paragraphs(sections.GetValueOrDefault("NOTES")?.Blocks ?? []),
            Links: RelatedLinks.Read(sections.GetValueOrDefault("RELATED LINKS"), frontMatter.GetValueOrDefault("online version")));
    }

    private static (HeadingBlock Title, Dictionary<string, Section> Sections) SplitSections(MarkdownDocument document)
    {
        HeadingBlock? title = null;
        Section? current = null;
        var sections = new Dictionary<string, Section>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in document)
        {
            switch (block)
            {
                case YamlFrontMatterBlock or LinkReferenceDefinitionGroup or HtmlBlock { Type: HtmlBlockType.Comment }:
                    break;
                case HeadingBlock { Level: 1 } heading when title is null && current is null:
                    title = heading;
                    break;
                case HeadingBlock { Level: 1 } heading:
                    throw new DocException(LineOf(heading), "a doc describes one command: only one '# ' heading, before the sections");
                case HeadingBlock { Level: 2 } heading:
                    string name = Text(heading);
                    if (!KnownSections.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        throw new DocException(LineOf(heading), $"unknown section '## {name}' (expected: {string.Join(", ", KnownSections)})");
                    }
                    current = new Section(heading, []);
                    if (!sections.TryAdd(name, current))
                    {
                        throw new DocException(LineOf(heading), $"a second '## {name}' section");
                    }
                    break;
                default:
                    if (current is null)
                    {
                        throw new DocException(LineOf(block), "content before the first '## ' section");
                    }
                    current.Blocks.Add(block);
                    break;
            }
        }
        return (title ?? throw new DocException(1, "the doc has no '# Verb-Noun' heading"), sections);
    }

    private static List<ExampleDoc> ReadExamples(Section? section)
    {
        var examples = new List<ExampleDoc>();
        foreach (var (heading, blocks) in section?.Subsections() ?? [])
        {
            // Get-Help prints the titles one after another: a reader (and a test) finds "Example 3" once, in its place.
            string title = Text(heading);
            var number = ExampleNumber().Match(title);
            if (!number.Success || number.Groups["n"].Value != (examples.Count + 1).ToString(CultureInfo.InvariantCulture))
            {
                throw new DocException(LineOf(heading), $"example '{title}' must be numbered 'Example {examples.Count + 1}: ...' (examples count up from 1)");
            }
            var code = blocks.OfType<FencedCodeBlock>().Select(c => c.Lines.ToString().TrimEnd()).ToList();
            if (code.Count == 0)
            {
                throw new DocException(LineOf(heading), $"example '{title}' has no code block");
            }
            var remarks = MarkdownText.Paragraphs(blocks.Where(b => b is not FencedCodeBlock));
            examples.Add(new ExampleDoc(title, string.Join("\n\n", code), remarks));
        }
        return examples;
    }

    private static List<TypeDoc> ReadTypes(Section? section)
    {
        if (section is null)
        {
            return [];
        }
        if (MarkdownText.Paragraphs(section.Lead()).Count > 0)
        {
            throw new DocException(LineOf(section.Heading), $"under {Text(section.Heading)}, give each type a '### TypeName' heading");
        }
        return [.. section.Subsections().Select(s => new TypeDoc(Text(s.Heading), MarkdownText.Paragraphs(s.Blocks)))];
    }

    public static string Text(HeadingBlock heading) => MarkdownText.Inlines(heading.Inline);

    public static int LineOf(Block block) => block.Line + 1;

    /// <summary>Parameter names in a syntax line: <c>-Name</c> after a space or bracket, so not the command's own dash.</summary>
    [GeneratedRegex(@"^Example (?<n>[0-9]+)(?![0-9])")]
    private static partial Regex ExampleNumber();

    [GeneratedRegex(@"(?<=^|[\s\[])-(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    public static partial Regex SyntaxParameter();
}

/// <summary>A '## ' section: the blocks up to the next one.</summary>
internal sealed record Section(HeadingBlock Heading, List<Block> Blocks)
{
    public IEnumerable<Block> Lead() => Blocks.TakeWhile(b => b is not HeadingBlock { Level: 3 });

    public List<(HeadingBlock Heading, List<Block> Blocks)> Subsections()
    {
        var result = new List<(HeadingBlock, List<Block>)>();
        foreach (var block in Blocks)
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                result.Add((heading, []));
            }
            else if (result.Count > 0)
            {
                result[^1].Item2.Add(block);
            }
        }
        return result;
    }
}
