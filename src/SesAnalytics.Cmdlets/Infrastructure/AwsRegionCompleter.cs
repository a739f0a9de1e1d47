using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SesAnalytics.Engine.Aws.Context;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>Tab completion of -Region: the regions of every AWS partition, each with its display name as the tooltip.</summary>
public sealed class AwsRegionCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return AwsRegions.All
            .Where(region => pattern.IsMatch(region.Name))
            .Select(region => new CompletionResult(region.Name, region.Name, CompletionResultType.ParameterValue, region.DisplayName))
            .ToList();
    }
}
