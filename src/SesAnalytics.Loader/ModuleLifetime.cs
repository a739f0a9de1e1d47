using System.Management.Automation;

namespace SesAnalytics.Loader;

/// <summary>Registers the engine resolver when PowerShell imports the module and removes it on Remove-Module.</summary>
public sealed class ModuleLifetime : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => EngineLoader.Register();

    public void OnRemove(PSModuleInfo psModuleInfo) => EngineLoader.Unregister();
}
