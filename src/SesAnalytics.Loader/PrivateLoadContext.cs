using System.Reflection;
using System.Runtime.Loader;

namespace SesAnalytics.Loader;

/// <summary>
/// Loads the engine and every assembly it depends on (AWS SDK, DuckDB with its native library, Polly, YamlDotNet) from
/// the module's Dependencies folder, apart from whatever another module loaded into the default context.
/// </summary>
internal sealed class PrivateLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;

    public PrivateLoadContext(string engineAssemblyPath)
        : base("SesAnalytics", isCollectible: false)
    {
        _resolver = new AssemblyDependencyResolver(engineAssemblyPath);
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        string? path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        string? path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
