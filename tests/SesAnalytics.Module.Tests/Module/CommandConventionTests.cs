using System.Management.Automation;
using System.Reflection;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Module;

/// <summary>What every exported command owes its users: an approved verb, typed output, help with an example, -WhatIf.</summary>
public sealed class CommandConventionTests
{
    // Verbs whose commands change AWS or disk; each must support -WhatIf and -Confirm.
    private static readonly HashSet<string> ChangingVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "New", "Set", "Remove", "Import", "Save", "Send", "Update", "Clear", "Add", "Register", "Unregister", "Start", "Stop",
    };

    private static readonly Lazy<IReadOnlyList<CommandInfo>> Commands = new(() =>
    {
        ScriptResult result = ModuleSession.Run("Get-Command -Module SesAnalytics");
        result.AssertSuccess();
        return result.Output.Select(o => (CommandInfo)o.BaseObject).ToList();
    });

    public static TheoryData<string> CommandNames()
    {
        var data = new TheoryData<string>();
        foreach (string name in ExportedNames())
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void ManifestExportsExactlyTheCmdletsTheAssemblyDefines()
    {
        Assert.Equal(ExportedNames().Order(), Commands.Value.Select(c => c.Name).Order());
        Assert.All(Commands.Value, c => Assert.Equal(CommandTypes.Cmdlet, c.CommandType));
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void VerbIsApproved(string name)
    {
        string verb = name[..name.IndexOf('-', StringComparison.Ordinal)];
        Assert.Contains(verb, ApprovedVerbs());
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void DeclaresOutputType(string name)
    {
        CommandInfo command = Commands.Value.Single(c => c.Name == name);
        Assert.NotEmpty(command.OutputType);
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void HelpHasSynopsisDescriptionAndAnExample(string name)
    {
        ScriptResult result = ModuleSession.Run($"Get-Help {name} -Full");
        result.AssertSuccess();
        PSObject help = Assert.Single(result.Output);

        string synopsis = help.Properties["Synopsis"].Value?.ToString()?.Trim() ?? string.Empty;
        Assert.False(string.IsNullOrEmpty(synopsis), $"{name} has no synopsis.");
        // Without a help file PowerShell makes the synopsis from the syntax, which starts with the command's name.
        Assert.False(synopsis.StartsWith(name, StringComparison.OrdinalIgnoreCase), $"{name} has no written help.");
        var examples = help.Properties["examples"]?.Value as PSObject;
        object? example = examples?.Properties["example"]?.Value;
        object? first = example is object[] many ? many.FirstOrDefault() : example;
        string code = (first as PSObject)?.Properties["code"]?.Value?.ToString() ?? string.Empty;
        Assert.Contains(name, code, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_about_topic_explains_the_module_and_names_every_command()
    {
        ScriptResult result = ModuleSession.Run("Get-Help about_SesAnalytics");

        result.AssertSuccess();
        string text = string.Concat(result.Output.Select(o => o.BaseObject.ToString()));
        Assert.Contains("about_SesAnalytics", text, StringComparison.Ordinal);
        foreach (string name in Commands.Value.Select(c => c.Name))
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(CommandNames))]
    public void CommandsThatChangeThingsSupportWhatIf(string name)
    {
        string verb = name[..name.IndexOf('-', StringComparison.Ordinal)];
        if (!ChangingVerbs.Contains(verb) && !name.StartsWith("Export-", StringComparison.Ordinal))
        {
            return;
        }

        CommandInfo command = Commands.Value.Single(c => c.Name == name);
        Assert.Contains("WhatIf", command.Parameters.Keys);
        Assert.Contains("Confirm", command.Parameters.Keys);
    }

    private static IReadOnlyList<string> ExportedNames()
    {
        string text = File.ReadAllText(RepoPaths.ModuleManifest);
        int start = text.IndexOf("CmdletsToExport", StringComparison.Ordinal);
        string block = text[start..text.IndexOf(')', start)];
        return System.Text.RegularExpressions.Regex.Matches(block, "'([A-Za-z]+-[A-Za-z]+)'").Select(m => m.Groups[1].Value).ToList();
    }

    private static HashSet<string> ApprovedVerbs()
    {
        Type[] verbTypes =
        [
            typeof(VerbsCommon), typeof(VerbsCommunications), typeof(VerbsData), typeof(VerbsDiagnostic),
            typeof(VerbsLifecycle), typeof(VerbsOther), typeof(VerbsSecurity),
        ];
        return verbTypes.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Select(f => (string)f.GetValue(null)!)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
