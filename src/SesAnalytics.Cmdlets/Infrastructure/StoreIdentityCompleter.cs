using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Tab completion of -Identity from the store that -Path names: the sender identities it holds events of. Offers
/// nothing in the cloud sets, where listing the bucket would cost a call per key press.
/// </summary>
public sealed class StoreIdentityCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        if (fakeBoundParameters["Path"] is not string path || string.IsNullOrEmpty(path))
        {
            return [];
        }

        IReadOnlyList<string> identities;
        try
        {
            identities = new EventStore(ResolvePath(path), NullOutputSink.Instance).Identities();
        }
        catch (Exception error) when (error is Engine.Errors.SesAnalyticsException or IOException or UnauthorizedAccessException or RuntimeException)
        {
            return [];
        }

        string typed = wordToComplete.Trim('\'', '"');
        var pattern = new WildcardPattern(typed + "*", WildcardOptions.IgnoreCase);
        return identities
            .Where(pattern.IsMatch)
            .Select(identity => new CompletionResult(Quote(identity), identity, CompletionResultType.ParameterValue, identity))
            .ToList();
    }

    /// <summary>
    /// The path as the command will resolve it, relative to the current location. Completion runs inside a pipeline, so
    /// session state is reached through a nested command in the current runspace.
    /// </summary>
    internal static string ResolvePath(string path)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").AddArgument(path);
        return shell.Invoke<string>().FirstOrDefault() ?? path;
    }

    /// <summary>An identity as it can be typed back: quoted where PowerShell would read it otherwise (wildcards too).</summary>
    internal static string Quote(string identity) =>
        identity.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? identity
            : "'" + WildcardPattern.Escape(identity).Replace("'", "''", StringComparison.Ordinal) + "'";
}
