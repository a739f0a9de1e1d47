using System.Text;

namespace SesAnalytics.Engine.Aws.S3;

/// <summary>Cuts S3 Select's Records payloads, which split records anywhere, back into whole newline-ended records.</summary>
internal sealed class RecordSplitter
{
    private readonly MemoryStream _pending = new();

    public List<string> Append(byte[] payload)
    {
        _pending.Write(payload);
        byte[] buffer = _pending.GetBuffer();
        int length = (int)_pending.Length;
        var records = new List<string>();
        int start = 0;
        for (int i = 0; i < length; i++)
        {
            if (buffer[i] == (byte)'\n')
            {
                AddRecord(records, buffer, start, i - start);
                start = i + 1;
            }
        }

        byte[] rest = buffer[start..length];
        _pending.SetLength(0);
        _pending.Write(rest);
        return records;
    }

    /// <summary>A last record without its newline, if any.</summary>
    public string? Rest()
    {
        var records = new List<string>();
        AddRecord(records, _pending.GetBuffer(), 0, (int)_pending.Length);
        return records.Count == 0 ? null : records[0];
    }

    private static void AddRecord(List<string> records, byte[] buffer, int start, int count)
    {
        string text = Encoding.UTF8.GetString(buffer, start, count).Trim();
        if (text.Length > 0)
        {
            records.Add(text);
        }
    }
}
