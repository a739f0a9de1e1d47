using System.Reflection;
using System.Runtime.Loader;

namespace SesAnalytics.Loader;

/// <summary>
/// Answers the default context's request for the engine, and only the engine, from the private context. The engine's
/// own references then resolve inside the private context, so its AWSSDK.Core 4 never meets another module's.
/// </summary>
internal static class EngineLoader
{
    private const string EngineName = "SesAnalytics.Engine";
    private static readonly object Gate = new();
    private static PrivateLoadContext? _context;
    private static bool _registered;

    public static string DependencyDirectory { get; } = Path.Combine(
        Path.GetDirectoryName(typeof(EngineLoader).Assembly.Location) ?? AppContext.BaseDirectory,
        "Dependencies");

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            AssemblyLoadContext.Default.Resolving += ResolveEngine;
            _registered = true;
        }
    }

    public static void Unregister()
    {
        lock (Gate)
        {
            if (!_registered)
            {
                return;
            }

            AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            _registered = false;
        }
    }

    private static Assembly? ResolveEngine(AssemblyLoadContext context, AssemblyName name)
    {
        if (!string.Equals(name.Name, EngineName, StringComparison.Ordinal))
        {
            return null;
        }

        lock (Gate)
        {
            _context ??= new PrivateLoadContext(Path.Combine(DependencyDirectory, EngineName + ".dll"));
        }

        return _context.LoadFromAssemblyName(name);
    }
}
