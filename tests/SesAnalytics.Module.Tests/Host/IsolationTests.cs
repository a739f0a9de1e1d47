using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Host;

/// <summary>
/// The module works in a session where another module already loaded a different AWSSDK.Core (AWS.Tools does), and
/// survives Remove-Module / Import-Module. Runs in its own host process so that nothing else loaded first.
/// </summary>
public sealed class IsolationTests
{
    [Fact]
    public void AwsAndDuckDbCommandsWorkBesideAnOlderAwsSdkCoreInTheDefaultContext()
    {
        string legacy = Path.Combine(AppContext.BaseDirectory, "AWSSDK.Core.dll");
        Assert.True(File.Exists(legacy), "The test project copies AWSSDK.Core 3.7 beside itself.");
        string script = string.Join(
            "\n",
            "Remove-Module SesAnalytics",
            $"$legacy = [System.Reflection.Assembly]::LoadFrom('{legacy}')",
            "'legacy:' + $legacy.GetName().Version",
            $"Import-Module '{RepoPaths.ModuleManifest}'",
            "$first = Get-SesAwsContext -Region eu-west-1 -AccessKey AKIDISOLATION01 -SecretKey isolated",
            "'first:' + $first.Region + ':' + $first.AccessKeyId",
            "Remove-Module SesAnalytics",
            $"Import-Module '{RepoPaths.ModuleManifest}'",
            "$second = Get-SesAwsContext -Region ap-northeast-1 -AccessKey AKIDISOLATION02 -SecretKey isolated",
            "'second:' + $second.Region + ':' + $second.AccessKeyId",
            $"$store = '{Path.Combine(Path.GetTempPath(), "sesanalytics-isolation-" + Guid.NewGuid().ToString("N"))}'",
            "$null = New-SesSampleEvent -Count 300 -Seed 3 -AsJson | Import-SesEvent -Destination $store",
            "'bounces:' + @(Get-SesBounce -Path $store -From ([DateTime]::UtcNow.AddDays(-7))).Count",
            "$duck = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'DuckDB.NET.Data' }",
            "$duck | ForEach-Object { 'duckdb:' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }",
            "$sdk = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'AWSSDK.Core' }",
            "$sdk | ForEach-Object { 'sdk:' + $_.GetName().Version + ':' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }");

        HostProcess.Result result = HostProcess.Run("-Command", script);

        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        Assert.Contains("legacy:3.3.0.0", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("first:eu-west-1:***********ON01", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("second:ap-northeast-1:***********ON02", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sdk:3.3.0.0:Default", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("sdk:4.0.0.0:SesAnalytics", result.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"bounces:[1-9]", result.StandardOutput);
        Assert.Contains("duckdb:SesAnalytics", result.StandardOutput, StringComparison.Ordinal);
    }
}
