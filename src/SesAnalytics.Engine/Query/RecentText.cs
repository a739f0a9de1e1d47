using System.Text;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The strings of a text column's recent distinct values, by their UTF-8 bytes: a value that comes back (a bounce type,
/// a status, a diagnostic code, a subject) is one string however many rows carry it, not a string a row. It keeps up to
/// <see cref="Capacity"/> values, the oldest replaced first; a column whose values seldom repeat (message ids, times)
/// is seen to after <see cref="Trial"/> values and from then on compared with its last value alone.
/// </summary>
internal sealed class RecentText
{
    internal const int Capacity = 16;
    internal const int Trial = 256;

    private readonly byte[][] _bytes = new byte[Capacity][];
    private readonly int[] _lengths = new int[Capacity];
    private readonly string[] _texts = new string[Capacity];
    private int _count;
    private int _next;
    private int _last;
    private int _width = Capacity;
    private int _seen;
    private int _repeats;

    /// <summary>How many recent values a new value is compared with: <see cref="Capacity"/>, or 1 once the column is seen not to repeat.</summary>
    internal int Width => _width;

    public string Of(ReadOnlySpan<byte> value)
    {
        int found = Find(value);
        if (_seen < Trial && ++_seen == Trial && _repeats < Trial / 4)
        {
            _width = 1;
        }

        if (found >= 0)
        {
            _repeats++;
            _last = found;
            return _texts[found];
        }

        int slot = _width == 1 && _count > 0 ? _last : _next;
        if (slot == _next)
        {
            _next = (_next + 1) % Capacity;
            _count = Math.Min(_count + 1, Capacity);
        }

        byte[]? bytes = _bytes[slot];
        if (bytes is null || bytes.Length < value.Length)
        {
            _bytes[slot] = bytes = new byte[Math.Max(64, value.Length)];
        }

        value.CopyTo(bytes);
        _lengths[slot] = value.Length;
        _last = slot;
        return _texts[slot] = Encoding.UTF8.GetString(value);
    }

    private int Find(ReadOnlySpan<byte> value)
    {
        if (_count == 0)
        {
            return -1;
        }

        if (Holds(_last, value))
        {
            return _last;
        }

        if (_width == 1)
        {
            return -1;
        }

        for (int i = 0; i < _count; i++)
        {
            if (i != _last && Holds(i, value))
            {
                return i;
            }
        }

        return -1;
    }

    private bool Holds(int slot, ReadOnlySpan<byte> value) =>
        _lengths[slot] == value.Length && value.SequenceEqual(_bytes[slot].AsSpan(0, value.Length));
}
