using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Tab completion of -ConfigurationSet: the configuration sets (<c>ses:configuration-set</c> tag) found in a sample of
/// the store that -Path names; nothing in the cloud sets.
/// </summary>
public sealed class ConfigurationSetCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return (StoreTagCompletion.Sample(fakeBoundParameters)?.ConfigurationSets ?? [])
            .Where(pattern.IsMatch)
            .Select(set => new CompletionResult(StoreIdentityCompleter.Quote(set), set, CompletionResultType.ParameterValue, set))
            .ToList();
    }
}
