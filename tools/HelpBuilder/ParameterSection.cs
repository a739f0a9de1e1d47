using System.Text.RegularExpressions;
using Markdig.Syntax;
using static SesAnalytics.HelpBuilder.MarkdownReader;

namespace SesAnalytics.HelpBuilder;

/// <summary>Reads '## PARAMETERS': one '### -Name' per parameter, its description, then its yaml block(s).</summary>
internal static class ParameterSection
{
    public static List<ParameterDoc> Read(Section? section)
    {
        var parameters = new List<ParameterDoc>();
        foreach (var (heading, blocks) in section?.Subsections() ?? [])
        {
            string title = Text(heading);
            if (title is "CommonParameters" or "WorkflowCommonParameters")
            {
                continue;
            }
            if (title.Length < 2 || title[0] != '-')
            {
                throw new DocException(LineOf(heading), $"a parameter heading must be '### -Name', not '### {title}'");
            }
            string name = title[1..];
            if (parameters.Exists(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new DocException(LineOf(heading), $"a second '### -{name}' section");
            }

            var usages = new List<ParameterUsage>();
            var description = new List<Block>();
            foreach (var block in blocks)
            {
                if (block is FencedCodeBlock fenced && ParameterYaml.IsYaml(fenced))
                {
                    usages.Add(ParameterYaml.Read(fenced));
                }
                else
                {
                    description.Add(block);
                }
            }
            if (usages.Count == 0)
            {
                throw new DocException(LineOf(heading), $"-{name} has no ```yaml block (Type, Parameter Sets, Required, Position, ...)");
            }
            parameters.Add(new ParameterDoc(name, MarkdownText.Paragraphs(description), usages));
        }
        return parameters;
    }
}

/// <summary>
/// Reads '## SYNTAX': one '### SetName' per parameter set, each with a code block holding the syntax line.
/// Which parameters a set has comes from their yaml; the syntax line only gives their order, and must agree.
/// </summary>
internal static class SyntaxSection
{
    public static List<SyntaxDoc> Read(Section? section, List<ParameterDoc> parameters)
    {
        var subsections = section?.Subsections() ?? [];
        if (subsections.Count == 0)
        {
            var code = section?.Lead().OfType<FencedCodeBlock>().FirstOrDefault();
            return [new SyntaxDoc(AllParameterSets, Order(code, null, parameters))];
        }

        var sets = subsections.Select(s => (Name: SetName(s.Heading), s.Heading, s.Blocks)).ToList();
        foreach (var (name, heading, _) in sets)
        {
            if (sets.Count(s => s.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) > 1)
            {
                throw new DocException(LineOf(heading), $"parameter set '{name}' appears twice under SYNTAX");
            }
        }
        foreach (var parameter in parameters)
        {
            CheckSets(parameter, sets.Select(s => s.Name).ToList());
        }

        var result = new List<SyntaxDoc>();
        foreach (var (name, heading, blocks) in sets)
        {
            var code = blocks.OfType<FencedCodeBlock>().FirstOrDefault()
                ?? throw new DocException(LineOf(heading), $"parameter set '{name}' has no code block with its syntax");
            result.Add(new SyntaxDoc(name, Order(code, name, parameters)));
        }
        return result;
    }

    private static string SetName(HeadingBlock heading)
    {
        const string DefaultMark = "(Default)";
        string text = Text(heading);
        return text.EndsWith(DefaultMark, StringComparison.OrdinalIgnoreCase) ? text[..^DefaultMark.Length].Trim() : text;
    }

    private static void CheckSets(ParameterDoc parameter, List<string> setNames)
    {
        foreach (var usage in parameter.Usages)
        {
            foreach (string set in usage.SetNames)
            {
                if (!setNames.Contains(set, StringComparer.OrdinalIgnoreCase))
                {
                    throw new DocException(usage.Line, $"-{parameter.Name} names parameter set '{set}', which has no '### {set}' heading under SYNTAX");
                }
            }
        }
        foreach (string set in setNames)
        {
            var covering = parameter.Usages.Where(u => u.AllSets || u.SetNames.Contains(set, StringComparer.OrdinalIgnoreCase)).ToList();
            if (covering.Count > 1)
            {
                throw new DocException(covering[1].Line, $"-{parameter.Name} has two yaml blocks for parameter set '{set}'");
            }
        }
    }

    /// <summary>The set's parameters in syntax-line order, then any the line left out, in PARAMETERS order.</summary>
    private static List<string> Order(FencedCodeBlock? code, string? setName, List<ParameterDoc> parameters)
    {
        var names = new List<string>();
        for (int i = 0; i < (code?.Lines.Count ?? 0); i++)
        {
            var line = code!.Lines.Lines[i];
            foreach (Match match in SyntaxParameter().Matches(line.Slice.ToString()))
            {
                string name = match.Groups["name"].Value;
                var parameter = parameters.Find(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new DocException(line.Line + 1, $"the syntax names -{name}, which has no '### -{name}' section under PARAMETERS");
                if (setName is not null && parameter.UsageIn(setName) is null)
                {
                    throw new DocException(line.Line + 1, $"the syntax of set '{setName}' names -{parameter.Name}, whose 'Parameter Sets:' leave that set out");
                }
                if (!names.Contains(parameter.Name))
                {
                    names.Add(parameter.Name);
                }
            }
        }
        names.AddRange(parameters
            .Where(p => (setName is null || p.UsageIn(setName) is not null) && !names.Contains(p.Name))
            .Select(p => p.Name));
        return names;
    }
}
