using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;

namespace SesAnalytics.Loader;

/// <summary>
/// The assemblies compiled ahead of time (ReadyToRun) that the build keeps beside the portable ones, in
/// <c>Dependencies/ReadyToRun/net&lt;major&gt;.0/&lt;runtime identifier&gt;/</c>. Such code only serves the runtime major version
/// and the platform it was compiled for (.NET rejects it elsewhere and compiles the method instead), so an image is
/// taken only from the folder of the running runtime; any other runtime or platform loads the portable assembly.
/// </summary>
internal static class ReadyToRunImages
{
    /// <summary>The folder of images for this process's runtime and platform, or null when the build made none for them.</summary>
    public static string? FolderFor(string dependencyDirectory)
    {
        string runtimeIdentifier = RuntimeInformation.RuntimeIdentifier;

        // A runtime identifier is one path segment (linux-x64, osx-arm64, win-x64); anything else names no folder of ours.
        if (runtimeIdentifier.Length == 0 || runtimeIdentifier.IndexOfAny(['/', '\\', '.']) >= 0 || runtimeIdentifier.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return null;
        }

        string folder = Path.Combine(dependencyDirectory, "ReadyToRun", $"net{Environment.Version.Major}.0", runtimeIdentifier);
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>
    /// The image in <paramref name="folder"/> compiled from the assembly at <paramref name="portablePath"/>, or null: an
    /// image is used only when it is that very assembly (the same module version id), never one left by another build.
    /// </summary>
    public static string? Find(string? folder, string portablePath)
    {
        if (folder is null)
        {
            return null;
        }

        string path = Path.Combine(folder, Path.GetFileName(portablePath));
        try
        {
            return File.Exists(path) && ModuleVersionId(path) == ModuleVersionId(portablePath) ? path : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static Guid ModuleVersionId(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var reader = new PEReader(stream);
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
