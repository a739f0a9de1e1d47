namespace SesAnalytics.HelpBuilder;

/// <summary>One cmdlet's help, as read from its platyPS markdown. Text is a list of paragraphs.</summary>
internal sealed record CommandDoc(
    string Name,
    string Verb,
    string Noun,
    IReadOnlyList<Paragraph> Synopsis,
    IReadOnlyList<Paragraph> Description,
    IReadOnlyList<SyntaxDoc> Syntax,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<Paragraph> Notes,
    IReadOnlyList<LinkDoc> Links);

/// <summary>A parameter set; <see cref="ParameterNames"/> is the order the doc's syntax line gives.</summary>
internal sealed record SyntaxDoc(string SetName, IReadOnlyList<string> ParameterNames);

/// <summary>A parameter; platyPS writes one yaml block per group of sets whose attributes differ.</summary>
internal sealed record ParameterDoc(string Name, IReadOnlyList<Paragraph> Description, IReadOnlyList<ParameterUsage> Usages)
{
    public ParameterUsage Primary => Usages[0];

    public ParameterUsage? UsageIn(string setName) =>
        Usages.FirstOrDefault(u => u.AllSets || u.SetNames.Contains(setName, StringComparer.OrdinalIgnoreCase));
}

/// <summary>One ```yaml block of a parameter; <see cref="Line"/> is its 'Parameter Sets:' line.</summary>
internal sealed record ParameterUsage(
    int Line,
    string Type,
    bool AllSets,
    IReadOnlyList<string> SetNames,
    string Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    public bool IsSwitch => Type is "SwitchParameter" or "System.Management.Automation.SwitchParameter";
}

internal sealed record ExampleDoc(string Title, string Code, IReadOnlyList<Paragraph> Remarks);

internal sealed record TypeDoc(string Name, IReadOnlyList<Paragraph> Description);

/// <summary>A related link; <see cref="Uri"/> is empty for links to other help topics.</summary>
internal sealed record LinkDoc(string Text, string Uri);

/// <summary>A malformed doc; <see cref="Line"/> is 1-based.</summary>
internal sealed class DocException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
