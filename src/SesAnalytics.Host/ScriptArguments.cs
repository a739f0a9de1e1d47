using System.Management.Automation;

namespace SesAnalytics.Host;

/// <summary>
/// A script's command-line arguments bound as <c>pwsh -File</c> binds them: <c>-Name value</c> and <c>-Name:value</c>
/// are named parameters, a <c>-Name</c> followed by another parameter name (or nothing) is a switch, anything else is
/// positional. Values stay strings; PowerShell converts them to the parameter's type.
/// </summary>
internal static class ScriptArguments
{
    public static void AddTo(PowerShell shell, IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (!IsParameterName(argument))
            {
                shell.AddArgument(argument);
                continue;
            }

            int colon = argument.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                shell.AddParameter(argument[1..colon], argument[(colon + 1)..]);
            }
            else if (i + 1 < arguments.Count && !IsParameterName(arguments[i + 1]))
            {
                shell.AddParameter(argument[1..], arguments[++i]);
            }
            else
            {
                shell.AddParameter(argument[1..]);
            }
        }
    }

    /// <summary><c>-Name</c>, not <c>-5</c> or a lone <c>-</c>: a negative number is a value.</summary>
    private static bool IsParameterName(string argument) =>
        argument.Length > 1 && argument[0] == '-' && (char.IsLetter(argument[1]) || argument[1] == '_');
}
