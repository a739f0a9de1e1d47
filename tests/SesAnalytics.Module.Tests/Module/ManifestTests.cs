using System.Management.Automation;
using SesAnalytics.Module.Tests.Support;

namespace SesAnalytics.Module.Tests.Module;

public sealed class ManifestTests
{
    [Fact]
    public void StagedManifestPassesTestModuleManifest()
    {
        ScriptResult result = ModuleSession.Run($"Test-ModuleManifest -Path '{RepoPaths.ModuleManifest}'", importModule: false);

        result.AssertSuccess();
        PSObject module = Assert.Single(result.Output);
        Assert.Equal("SesAnalytics", module.Properties["Name"].Value);
    }

    [Fact]
    public void ManifestDeclaresCoreEditionVersionAndExplicitExports()
    {
        ScriptResult result = ModuleSession.Run($"Test-ModuleManifest -Path '{RepoPaths.ModuleManifest}'", importModule: false);

        PSModuleInfo module = Assert.IsType<PSModuleInfo>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(new Version(7, 4), module.PowerShellVersion);
        Assert.Equal(["Core"], module.CompatiblePSEditions);
        Assert.Empty(module.ExportedFunctions);
        Assert.NotEmpty(module.Tags);
        Assert.NotNull(module.ProjectUri);
        Assert.NotNull(module.LicenseUri);
        Assert.False(string.IsNullOrWhiteSpace(module.Description));
    }

    [Fact]
    public void StagedFolderIsNamedAfterTheManifestVersion()
    {
        ScriptResult result = ModuleSession.Run("(Get-Module SesAnalytics).Version.ToString()");

        result.AssertSuccess();
        Assert.Equal(Path.GetFileName(RepoPaths.ModuleDirectory), Assert.Single(result.Output).BaseObject);
    }
}
