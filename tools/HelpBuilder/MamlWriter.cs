using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace SesAnalytics.HelpBuilder;

/// <summary>Writes commands as the MAML help file Get-Help reads for binary cmdlets.</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    // An 80-column console: the host leaves the last column free, so a line holds 79 characters.
    private const int ConsoleWidth = 79;

    // Where Get-Help -Full starts each kind of text: sections at 4, a parameter's, type's or note's text at 8.
    private const int SectionIndent = 4;
    private const int ItemIndent = 8;

    private const int MinimumRule = 3;
    private const int MaximumRule = 9;

    // Get-Help -Full prints a parameter's "Default value" label in 29 columns, then the value.
    private const int AttributeLabelWidth = 29;

    public static byte[] Serialize(IEnumerable<CommandDoc> commands)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.Select(CommandElement)));

        // Fixed newlines and no BOM so the bytes, and so the up-to-date check, do not depend on the OS.
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static XElement CommandElement(CommandDoc doc) =>
        new(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", doc.Name),
                new XElement(Command + "verb", doc.Verb),
                new XElement(Command + "noun", doc.Noun),
                Paras(Maml + "description", doc.Synopsis, SectionIndent)),
            Paras(Maml + "description", doc.Description, SectionIndent),
            new XElement(Command + "syntax", doc.Syntax.Select(set => SyntaxItem(doc, set))),
            new XElement(Command + "parameters", doc.Parameters.Select(p => Parameter(p, p.Primary, inSyntax: false))),
            IfAny(Command + "inputTypes", doc.Inputs.Select(t => TypeElement(Command + "inputType", t))),
            IfAny(Command + "returnValues", doc.Outputs.Select(t => TypeElement(Command + "returnValue", t))),
            doc.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", Paras(Maml + "alert", doc.Notes, ItemIndent)),
            IfAny(Command + "examples", doc.Examples.Select(ExampleElement)),
            IfAny(Maml + "relatedLinks", doc.Links.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", link.Uri)))));

    private static XElement SyntaxItem(CommandDoc doc, SyntaxDoc set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", doc.Name),
            set.ParameterNames.Select(name =>
            {
                var parameter = doc.Parameters.First(p => p.Name == name);
                return Parameter(parameter, parameter.UsageIn(set.SetName) ?? parameter.Primary, inSyntax: true);
            }));

    private static XElement Parameter(ParameterDoc parameter, ParameterUsage usage, bool inSyntax) =>
        new(Command + "parameter",
            new XAttribute("required", Bool(usage.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(usage.Globbing)),
            new XAttribute("pipelineInput", usage.PipelineInput),
            new XAttribute("position", usage.Position),
            new XAttribute("aliases", usage.Aliases.Length > 0 ? usage.Aliases : "none"),
            new XElement(Maml + "name", parameter.Name),
            Paras(Maml + "description", parameter.Description, ItemIndent),
            ParameterValue(usage, inSyntax),
            new XElement(Dev + "type",
                new XElement(Maml + "name", usage.Type),
                new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", DefaultValue(usage.DefaultValue)));

    // Wrapped in the value's column: Get-Help indents the lines after the first as the parameter's text, not the value.
    private static string DefaultValue(string value)
    {
        string column = new(' ', AttributeLabelWidth);
        return new Paragraph(value, FirstPrefix: column, Indent: column).Wrap(ConsoleWidth - ItemIndent)[AttributeLabelWidth..];
    }

    // Get-Help prints a syntax's accepted values as {A | B}; elsewhere the type name is what helps.
    private static XElement? ParameterValue(ParameterUsage usage, bool inSyntax)
    {
        if (usage.IsSwitch)
        {
            return null;
        }
        if (inSyntax && usage.AcceptedValues.Count > 0)
        {
            return new XElement(Command + "parameterValueGroup",
                usage.AcceptedValues.Select(value => new XElement(Command + "parameterValue",
                    new XAttribute("required", "false"),
                    new XAttribute("variableLength", "false"),
                    value)));
        }
        return new XElement(Command + "parameterValue",
            new XAttribute("required", "true"),
            new XAttribute("variableLength", "false"),
            usage.Type);
    }

    private static XElement TypeElement(XName name, TypeDoc type) =>
        new(name,
            new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
            Paras(Maml + "description", type.Description, ItemIndent));

    private static XElement ExampleElement(ExampleDoc example) =>
        new(Command + "example",
            new XElement(Maml + "title", ExampleTitle(example.Title)),
            new XElement(Dev + "code", example.Code),
            Paras(Dev + "remarks", example.Remarks, SectionIndent));

    // Ruled like platyPS's titles, with shorter rules where the title is long; a title too long for one line wraps.
    // After an example without remarks Get-Help starts the next title one column further right.
    private static string ExampleTitle(string title)
    {
        int width = ConsoleWidth - SectionIndent - 1;
        string rule = new('-', Math.Clamp((width - title.Length - 2) / 2, MinimumRule, MaximumRule));
        return new Paragraph($"{rule} {title} {rule}").Wrap(width);
    }

    private static XElement Paras(XName name, IEnumerable<Paragraph> paragraphs, int indent) =>
        new(name, paragraphs.Select(paragraph => new XElement(Maml + "para", paragraph.Wrap(ConsoleWidth - indent))));

    private static XElement? IfAny(XName name, IEnumerable<XElement> children)
    {
        var list = children.ToList();
        return list.Count == 0 ? null : new XElement(name, list);
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
