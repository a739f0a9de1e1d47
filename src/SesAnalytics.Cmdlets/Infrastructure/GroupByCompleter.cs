using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Tab completion of -GroupBy: Identity, ConfigurationSet, RecipientDomain, FromDomain, and Tag:&lt;name&gt; for the mail
/// tags found in a sample of the store that -Path names (none in the cloud sets, where sampling would cost S3 calls).
/// </summary>
public sealed class GroupByCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string typed = wordToComplete.Trim('\'', '"');
        IEnumerable<string> tags = typed.Length == 0 || GroupKey.TagPrefix.StartsWith(typed, StringComparison.OrdinalIgnoreCase) || typed.StartsWith(GroupKey.TagPrefix, StringComparison.OrdinalIgnoreCase)
            ? (StoreTagCompletion.Sample(fakeBoundParameters)?.TagNames ?? []).Select(name => GroupKey.TagPrefix + name)
            : [];
        return GroupKey.DimensionNames
            .Concat(tags)
            .Where(name => name.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>A key as it can be typed back: quoted when the tag name holds what PowerShell would read otherwise.</summary>
    private static string Quote(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is ':' or '.' or '-' or '_')
            ? name
            : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}
