using System.Diagnostics;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Tests.Stack;

/// <summary>AWS's own linter, where it is installed, reads both texts of the template without a finding.</summary>
public sealed class CfnLintTests
{
    private static readonly string? CfnLint = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? "cfn-lint.exe" : "cfn-lint"))
        .FirstOrDefault(File.Exists);

    [SkippableTheory]
    [MemberData(nameof(TemplateFixture.OptionSets), MemberType = typeof(TemplateFixture))]
    public void CfnLintFindsNothing(string optionSet)
    {
        Skip.If(CfnLint is null, "cfn-lint is not on the PATH (pip install cfn-lint to run this check).");
        string folder = Directory.CreateTempSubdirectory("sesanalytics-lint").FullName;
        CloudFormationTemplate template = TemplateBuilder.Build(TemplateFixture.Options(optionSet));
        string yaml = Path.Combine(folder, "template.yaml");
        string json = Path.Combine(folder, "template.json");
        File.WriteAllText(yaml, template.ToYaml());
        File.WriteAllText(json, template.ToJson());

        var start = new ProcessStartInfo(CfnLint!, [yaml, json]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process lint = Process.Start(start)!;
        Task<string> output = lint.StandardOutput.ReadToEndAsync();
        string errors = lint.StandardError.ReadToEnd();
        Assert.True(lint.WaitForExit(TimeSpan.FromMinutes(3)), "cfn-lint did not finish in 3 minutes.");
        Directory.Delete(folder, recursive: true);

        Assert.True(lint.ExitCode == 0, $"cfn-lint exited {lint.ExitCode}:\n{output.Result}\n{errors}");
    }
}
