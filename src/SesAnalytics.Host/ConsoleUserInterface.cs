using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text.RegularExpressions;

namespace SesAnalytics.Host;

/// <summary>Writes PowerShell's streams to stdout and stderr the way pwsh does, and answers -Confirm prompts.</summary>
internal sealed partial class ConsoleUserInterface : PSHostUserInterface
{
    private static readonly bool PlainOut = Console.IsOutputRedirected;
    private static readonly bool PlainErr = Console.IsErrorRedirected;
    private readonly ConsoleRawUserInterface _rawUi = new();
    private readonly ProgressLine _progress = new();

    public override PSHostRawUserInterface RawUI => _rawUi;

    public override bool SupportsVirtualTerminal => !Console.IsOutputRedirected;

    public override string ReadLine()
    {
        _progress.Clear();
        return Console.ReadLine() ?? throw new PSInvalidOperationException(
            "Input is needed but standard input is closed. Pass the value as a parameter (for confirmations: -Confirm:$false).");
    }

    public override SecureString ReadLineAsSecureString()
    {
        var secure = new SecureString();
        foreach (char c in ReadLine())
        {
            secure.AppendChar(c);
        }

        secure.MakeReadOnly();
        return secure;
    }

    public override void Write(string value) => WriteOut(value);

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => WriteOut(value);

    public override void WriteLine(string value) => WriteOut(value + Environment.NewLine);

    public override void WriteErrorLine(string value) => WriteErr(value);

    public override void WriteDebugLine(string message) => WriteErr("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => WriteErr("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => WriteErr("WARNING: " + message);

    public override void WriteInformation(InformationRecord record)
    {
        // Write-Host text reaches WriteLine on its own; other information records stay in the stream, as in pwsh.
    }

    public override void WriteProgress(long sourceId, ProgressRecord record) => _progress.Show(record);

    public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions)
    {
        WritePromptHeader(caption, message);
        var answers = new Dictionary<string, PSObject>();
        foreach (FieldDescription field in descriptions)
        {
            WriteOut(field.Name + ": ");
            answers[field.Name] = PSObject.AsPSObject(ReadLine());
        }

        return answers;
    }

    public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
    {
        WritePromptHeader(caption, message);
        string menu = string.Join(
            "  ",
            choices.Select(c => $"[{HotKey(c.Label)}] {c.Label.Replace("&", string.Empty, StringComparison.Ordinal)}"));
        while (true)
        {
            string defaultLabel = defaultChoice >= 0 ? HotKey(choices[defaultChoice].Label) : string.Empty;
            WriteOut($"{menu}  (default is \"{defaultLabel}\"): ");
            string answer = ReadLine().Trim();
            if (answer.Length == 0 && defaultChoice >= 0)
            {
                return defaultChoice;
            }

            for (int i = 0; i < choices.Count; i++)
            {
                if (string.Equals(answer, HotKey(choices[i].Label), StringComparison.OrdinalIgnoreCase)
                    || string.Equals(answer, choices[i].Label.Replace("&", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }
        }
    }

    public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
        throw new PSNotSupportedException("SesAnalytics.Host does not prompt for credentials; use the AWS parameters or profiles.");

    public override PSCredential PromptForCredential(
        string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
        PromptForCredential(caption, message, userName, targetName);

    private static string HotKey(string label)
    {
        int amp = label.IndexOf('&', StringComparison.Ordinal);
        return amp >= 0 && amp + 1 < label.Length ? label[amp + 1].ToString() : label;
    }

    private void WritePromptHeader(string caption, string message)
    {
        if (!string.IsNullOrEmpty(caption))
        {
            WriteOut(caption + Environment.NewLine);
        }

        if (!string.IsNullOrEmpty(message))
        {
            WriteOut(message + Environment.NewLine);
        }
    }

    // Like pwsh, no colour escapes reach a file or a CI log.
    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex EscapeSequence();

    private void WriteOut(string value)
    {
        _progress.Clear();
        Console.Out.Write(PlainOut ? EscapeSequence().Replace(value, string.Empty) : value);
    }

    private void WriteErr(string value)
    {
        _progress.Clear();
        Console.Error.WriteLine(PlainErr ? EscapeSequence().Replace(value, string.Empty) : value);
    }
}
