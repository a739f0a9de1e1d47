using System.Text;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Report;

/// <summary>Where a report goes: checked before any query runs, and written whole or not at all.</summary>
public static class ReportFile
{
    /// <summary>Fails when the file exists (without <paramref name="overwrite"/>), is a folder, or its folder is missing.</summary>
    public static void Check(string path, bool overwrite)
    {
        var target = new FileInfo(path);
        if (Directory.Exists(target.FullName))
        {
            throw new SesAnalyticsException(
                "ReportPathIsFolder",
                ErrorKind.InvalidArgument,
                $"'{target.FullName}' is a folder. Give -OutFile the path of a file, such as '{Path.Combine(target.FullName, "ses-report.html")}'.",
                target.FullName);
        }

        if (target.Exists && !overwrite)
        {
            throw new SesAnalyticsException(
                "ReportFileExists",
                ErrorKind.ResourceExists,
                $"The file '{target.FullName}' already exists and was left unchanged. Use -Force to overwrite it, or choose another -OutFile.",
                target.FullName);
        }

        if (target.Directory is { Exists: false } directory)
        {
            throw new SesAnalyticsException(
                "ReportDirectoryNotFound",
                ErrorKind.ObjectNotFound,
                $"The folder '{directory.FullName}' does not exist. Create it first, or choose another -OutFile.",
                directory.FullName);
        }
    }

    /// <summary>Writes the page beside <paramref name="path"/> first and then moves it there, so a failure leaves no half page.</summary>
    public static FileInfo Write(SesReport report, string path, bool overwrite)
    {
        Check(path, overwrite);
        var target = new FileInfo(path);
        string partial = Path.Combine(target.DirectoryName!, $".{target.Name}.{Guid.NewGuid():N}.partial");
        try
        {
            File.WriteAllText(partial, ReportHtmlWriter.Render(report), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(partial, target.FullName, overwrite);
        }
        finally
        {
            File.Delete(partial);
        }

        target.Refresh();
        return target;
    }
}
