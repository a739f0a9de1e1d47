using System.Collections.Concurrent;
using System.Management.Automation;
using SesAnalytics.Engine.Output;

namespace SesAnalytics.Cmdlets.Infrastructure;

/// <summary>
/// Makes the module's types nameable in PowerShell although they live in its private load context: each is a type
/// accelerator under its short name (<c>[SesAnalytics.BounceRecord]</c>, also in <c>-is</c> and <c>catch</c>) while the
/// module is imported, and every object a command writes carries its short names first in <c>PSTypeNames</c>, which
/// <c>Get-Member</c> shows and the format views select on.
/// </summary>
public sealed class PublicTypeNames : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> NamesByType = new();

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

    /// <summary><paramref name="item"/> with its short type names first, when it is one of the module's types.</summary>
    internal static object? Tag(object? item)
    {
        if (item is null or PSObject)
        {
            return item;
        }

        IReadOnlyList<string> names = NamesByType.GetOrAdd(item.GetType(), PublicTypes.ShortNamesOf);
        if (names.Count == 0)
        {
            return item;
        }

        var tagged = PSObject.AsPSObject(item);
        for (int i = names.Count - 1; i >= 0; i--)
        {
            tagged.TypeNames.Insert(0, names[i]);
        }

        return tagged;
    }
}
