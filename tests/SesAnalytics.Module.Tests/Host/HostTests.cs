using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Host;

/// <summary>The console host, run as a user runs it on a machine without pwsh.</summary>
public sealed class HostTests
{
    [Fact]
    public void RendersObjectsThroughTheModulesTableView()
    {
        HostProcess.Result result = HostProcess.Run("-Command", "Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDEXAMPLE0000 -SecretKey notshown");

        Assert.Equal(0, result.ExitCode);
        string[] lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Region", lines[0], StringComparison.Ordinal);
        Assert.Contains("CredentialSource", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("eu-west-1", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("notshown", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptEndingInATerminatingErrorExitsNonZeroWithoutAStackTrace()
    {
        string script = WriteScript("'before'\nthrow 'the script gave up'\n'after'");

        HostProcess.Result result = HostProcess.Run(script);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("before", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("after", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("the script gave up", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedArgumentsAndSwitchesBindAsPwshFileBindsThem()
    {
        string script = WriteScript("param([string] $Name, [int] $Code, [switch] $Loud, [int] $Offset)\n\"$Name $Loud $Offset\"\nexit $Code");

        HostProcess.Result result = HostProcess.Run(script, "-Name", "world", "-Loud", "-Offset", "-5", "-Code:7");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("world True -5", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void ScriptExitCodeAndArgumentsPassThrough()
    {
        string script = WriteScript("param($Name, $Code)\n\"hello $Name\"\nexit $Code");

        HostProcess.Result result = HostProcess.Run(script, "world", "7");

        Assert.Equal(7, result.ExitCode);
        Assert.Contains("hello world", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandWithAnErrorExitsNonZeroAndPrintsItLikePowerShell()
    {
        HostProcess.Result result = HostProcess.Run("-Command", "Get-SesAwsContext -ProfileName no-such-profile -Region us-east-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Get-SesAwsContext: The AWS profile 'no-such-profile' was not found", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportLoadsNeitherDuckDbNorAnyAwsSdkAssembly()
    {
        HostProcess.Result result = HostProcess.Run(
            "-Command",
            "(Get-Module SesAnalytics).Name; [AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { 'loaded:' + $_.GetName().Name }");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SesAnalytics", result.StandardOutput, StringComparison.Ordinal);
        string[] loaded = result.StandardOutput.Split('\n').Where(l => l.StartsWith("loaded:", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(loaded);
        Assert.DoesNotContain(loaded, l => l.Contains("DuckDB", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(loaded, l => l.Contains("AWSSDK", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(loaded, l => l.Contains("Polly", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(loaded, l => l.Contains("YamlDotNet", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void UnknownOptionIsAUsageError()
    {
        HostProcess.Result result = HostProcess.Run("-Bogus");

        Assert.Equal(64, result.ExitCode);
        Assert.Contains("-Help", result.StandardError, StringComparison.Ordinal);
    }

    private static string WriteScript(string text)
    {
        string path = Path.Combine(Path.GetTempPath(), $"sesanalytics-host-{Guid.NewGuid():N}.ps1");
        File.WriteAllText(path, text);
        return path;
    }
}
