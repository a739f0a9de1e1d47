using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using SesAnalytics.Engine.Aws.Context;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Tab completion of -ProfileName: the profiles of the file -ProfileLocation names, or of the shared config and
/// credentials files (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE, else ~/.aws), as the commands will read them.
/// </summary>
public sealed class AwsProfileCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? location = fakeBoundParameters["ProfileLocation"] is string given && given.Length > 0 ? ResolvePath(given) : null;
        IReadOnlyList<string> names;
        try
        {
            names = AwsProfiles.Names(location);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            return [];
        }

        var pattern = new WildcardPattern(wordToComplete.Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
        return names
            .Where(pattern.IsMatch)
            .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
            .ToList();
    }

    /// <summary>The path as the command will resolve it, relative to the current location (see <see cref="StoreIdentityCompleter"/>).</summary>
    private static string ResolvePath(string path)
    {
        using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript("$ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($args[0])").AddArgument(path);
        return shell.Invoke<string>().FirstOrDefault() ?? path;
    }

    private static string Quote(string name) =>
        name.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@' or '+' or '/')
            ? name
            : "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
}
