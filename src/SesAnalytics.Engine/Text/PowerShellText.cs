namespace SesAnalytics.Engine.Text;

/// <summary>Text for a command line a message suggests, so that it can be pasted into pwsh as it is.</summary>
public static class PowerShellText
{
    /// <summary>A PowerShell single-quoted string: a quote inside is doubled, nothing else is special.</summary>
    public static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
