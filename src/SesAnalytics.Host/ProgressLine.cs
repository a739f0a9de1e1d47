using System.Management.Automation;

namespace SesAnalytics.Host;

/// <summary>One self-erasing progress line on an interactive stderr; nothing at all when stderr is redirected (CI logs).</summary>
internal sealed class ProgressLine
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private int _shownLength;

    public void Show(ProgressRecord record)
    {
        if (!_enabled)
        {
            return;
        }

        if (record.RecordType == ProgressRecordType.Completed)
        {
            Clear();
            return;
        }

        string percent = record.PercentComplete >= 0 ? $" [{record.PercentComplete}%]" : string.Empty;
        string text = $"{record.Activity}: {record.StatusDescription}{percent}";
        int width = Math.Max(20, SafeWidth() - 1);
        if (text.Length > width)
        {
            text = text[..width];
        }

        Console.Error.Write("\r" + text.PadRight(_shownLength));
        _shownLength = text.Length;
    }

    public void Clear()
    {
        if (_shownLength == 0)
        {
            return;
        }

        Console.Error.Write("\r" + new string(' ', _shownLength) + "\r");
        _shownLength = 0;
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 120;
        }
    }
}
