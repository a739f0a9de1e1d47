using System.Reflection;
using System.Runtime.Loader;

namespace SesAnalytics.Loader;

/// <summary>
/// Loads the engine and every assembly it depends on (AWS SDK, DuckDB with its native library, Polly, YamlDotNet) from
/// the module's Dependencies folder, apart from whatever another module loaded into the default context. An assembly
/// the build compiled ahead of time for this runtime and platform comes from its <see cref="ReadyToRunImages"/> folder:
/// the same assembly, its code already compiled.
/// </summary>
internal sealed class PrivateLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly string? _readyToRun;

    public PrivateLoadContext(string engineAssemblyPath)
        : base("SesAnalytics", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(engineAssemblyPath);
        _readyToRun = ReadyToRunImages.FolderFor(Path.GetDirectoryName(engineAssemblyPath)!);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(ReadyToRunImages.Find(_readyToRun, path) ?? path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
