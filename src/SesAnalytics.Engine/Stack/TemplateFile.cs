using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Stack;

/// <summary>Writes a template file whole or not at all: a temporary file beside the target, then a rename.</summary>
public static class TemplateFile
{
    /// <summary>The format a path's extension asks for, or null when the extension says nothing.</summary>
    public static TemplateFormat? FormatFromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" or ".template" => TemplateFormat.Json,
        ".yaml" or ".yml" => TemplateFormat.Yaml,
        _ => null,
    };

    /// <summary>The format asked for, else the one the path's extension names, else YAML.</summary>
    public static TemplateFormat ChooseFormat(TemplateFormat? requested, string? path) =>
        requested ?? (path is null ? null : FormatFromExtension(path)) ?? TemplateFormat.Yaml;

    public static FileInfo Write(string path, string text, bool overwrite)
    {
        var target = new FileInfo(path);
        if (target.Exists && !overwrite)
        {
            throw new SesAnalyticsException(
                "TemplateFileExists",
                ErrorKind.ResourceExists,
                $"The file '{target.FullName}' already exists and was left unchanged. Use -Force to overwrite it, or choose another -Path.",
                target.FullName);
        }

        if (target.Directory is { Exists: false } directory)
        {
            throw new SesAnalyticsException(
                "TemplateDirectoryNotFound",
                ErrorKind.ObjectNotFound,
                $"The folder '{directory.FullName}' does not exist. Create it first, or choose another -Path.",
                directory.FullName);
        }

        string temporary = Path.Combine(target.DirectoryName!, $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, target.FullName, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }

        target.Refresh();
        return target;
    }
}
