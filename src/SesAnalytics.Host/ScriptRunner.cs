using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace SesAnalytics.Host;

/// <summary>Runs one script or command in a fresh runspace with the module imported, rendering output through Out-Default.</summary>
internal sealed class ScriptRunner(HostOptions options, string manifestPath)
{
    private readonly ConsoleHost _host = new();

    public int Run()
    {
        var state = InitialSessionState.CreateDefault2();
        using Runspace runspace = RunspaceFactory.CreateRunspace(_host, state);
        runspace.Open();
        if (!Prepare(runspace))
        {
            return 1;
        }

        using PowerShell shell = PowerShell.Create(runspace);
        if (options.File is not null)
        {
            shell.AddCommand(Path.GetFullPath(options.File));
            ScriptArguments.AddTo(shell, options.ScriptArguments);
        }
        else
        {
            shell.AddScript(options.Command);
        }

        shell.Commands.Commands[0].MergeMyResults(PipelineResultTypes.Error, PipelineResultTypes.Output);
        shell.AddCommand("Out-Default");

        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            shell.BeginStop(null, null);
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            shell.Invoke();
        }
        catch (RuntimeException error)
        {
            Render(runspace, error.ErrorRecord);
            return _host.ExitCode ?? 1;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }

        if (shell.InvocationStateInfo.State == PSInvocationState.Stopped)
        {
            return _host.ExitCode ?? 130;
        }

        // As with pwsh -Command, errors written by the command make the exit code 1; a script file decides with exit.
        int fallback = options.Command is not null && shell.HadErrors ? 1 : LastExitCode(runspace);
        return _host.ExitCode ?? fallback;
    }

    private bool Prepare(Runspace runspace)
    {
        using PowerShell shell = PowerShell.Create(runspace);
        shell.AddCommand("Import-Module").AddParameter("Name", manifestPath);
        shell.Invoke();
        foreach (ErrorRecord error in shell.Streams.Error)
        {
            Render(runspace, error);
        }

        return !shell.HadErrors;
    }

    private static void Render(Runspace runspace, ErrorRecord record)
    {
        using PowerShell shell = PowerShell.Create(runspace);
        shell.AddCommand("Out-Default");
        shell.Invoke(new object[] { record });
    }

    private static int LastExitCode(Runspace runspace) =>
        runspace.SessionStateProxy.GetVariable("LASTEXITCODE") is int code ? code : 0;
}
