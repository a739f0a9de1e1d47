using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SesAnalytics.Engine.Events;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Tab completion of -EventType: SES's names, in SES's order, quoted where they hold a space ('Rendering Failure').
/// What is typed matches either spelling, so "RenderingF" and "'Rendering F" both complete.
/// </summary>
public sealed class SesEventTypeCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        char quote = wordToComplete.StartsWith('"') ? '"' : '\'';
        string typed = wordToComplete.Trim('\'', '"');
        string compact = typed.Replace(" ", string.Empty, StringComparison.Ordinal);
        return SesEventTypes.All
            .Where(type => type.WireName().StartsWith(typed, StringComparison.OrdinalIgnoreCase)
                || type.ToString().StartsWith(compact, StringComparison.OrdinalIgnoreCase))
            .Select(type => type.WireName())
            .Select(name => new CompletionResult(Quote(name, quote), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>A name as it can be typed back: in quotes when it holds a space.</summary>
    internal static string Quote(string name, char quote) =>
        name.Contains(' ', StringComparison.Ordinal) ? quote + name + quote : name;
}
