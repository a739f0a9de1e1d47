using System.Management.Automation;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Makes the module's types nameable in PowerShell although they live in its private load context, where PowerShell
/// does not look them up by name: each is a type accelerator under its name (<c>[SesAnalytics.BounceRecord]</c>, also
/// in <c>-is</c> and <c>catch [SesAnalytics.SesAnalyticsException]</c>) while the module is imported.
/// </summary>
public sealed class PublicTypeNames : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    // PowerShell's accelerator table has no public API; modules reach it through this internal type, by reflection.
    private static readonly Type? Accelerators = typeof(PSObject).Assembly.GetType("System.Management.Automation.TypeAccelerators");
    private static readonly System.Reflection.MethodInfo? AddAccelerator = Accelerators?.GetMethod("Add", [typeof(string), typeof(Type)]);
    private static readonly System.Reflection.MethodInfo? RemoveAccelerator = Accelerators?.GetMethod("Remove", [typeof(string)]);

    public void OnImport()
    {
        foreach (Type type in PublicTypes.All)
        {
            string name = PublicTypes.ShortName(type);
            RemoveAccelerator?.Invoke(null, [name]);
            AddAccelerator?.Invoke(null, [name, type]);
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        foreach (Type type in PublicTypes.All)
        {
            RemoveAccelerator?.Invoke(null, [PublicTypes.ShortName(type)]);
        }
    }
}
