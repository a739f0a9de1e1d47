using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// A forward-only walk over one JSON text that validates as it goes, for <see cref="EventRecordScanner"/>. It accepts
/// no more than RFC 8259 and <see cref="System.Text.Json.Utf8JsonReader"/> do, and less where that is simpler: nesting
/// deeper than <see cref="MaxDepth"/> and escaped surrogates are refused, so the caller takes the general path. String
/// bodies are skipped a vector at a time; UTF-8 is the caller's to check (once per record, outside this walk).
/// The hot methods are compiled optimised at once: an import is often over, or the machine too busy, before tiered
/// compilation would get to them.
/// </summary>
internal ref struct JsonCursor(ReadOnlySpan<byte> json)
{
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _json = json;
    private int _position;
    private int _depth;

    public enum Step
    {
        Invalid,
        End,
        Next,
    }

    /// <summary>Whether whitespace was passed outside strings: a record without any is compact already.</summary>
    public bool HasWhitespace { get; private set; }

    /// <summary>Whether only whitespace is left.</summary>
    public bool AtEnd
    {
        get
        {
            Peek();
            return _position == _json.Length;
        }
    }

    /// <summary>The first byte of the next token, past whitespace; 0 at the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte Peek()
    {
        if ((uint)_position < (uint)_json.Length && _json[_position] > ' ')
        {
            return _json[_position];
        }

        return PeekPastWhitespace();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private byte PeekPastWhitespace()
    {
        while (_position < _json.Length)
        {
            byte next = _json[_position];
            if (next is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return next;
            }

            HasWhitespace = true;
            _position++;
        }

        return 0;
    }

    public bool TryStartObject() => TryOpen((byte)'{');

    public bool TryStartArray() => TryOpen((byte)'[');

    /// <summary>
    /// Past the comma (unless <paramref name="first"/>), the member's name and its colon, to the value; or past the
    /// closing brace. <paramref name="name"/> is the name's raw text and <paramref name="escaped"/> whether it has escapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Step NextMember(ref bool first, out Range name, out bool escaped)
    {
        name = default;
        escaped = false;
        if (!TrySeparator((byte)'}', ref first, out bool end))
        {
            return Step.Invalid;
        }

        if (end)
        {
            return Step.End;
        }

        if (Peek() != '"' || !TryString(out name, out escaped) || Peek() != ':')
        {
            return Step.Invalid;
        }

        _position++;
        return Step.Next;
    }

    /// <summary>Past the comma (unless <paramref name="first"/>) to the next element, or past the closing bracket.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public Step NextElement(ref bool first) =>
        !TrySeparator((byte)']', ref first, out bool end) ? Step.Invalid
        : end ? Step.End
        : Step.Next;

    /// <summary>Past a string; <paramref name="text"/> is its raw text between the quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryString(out Range text, out bool escaped)
    {
        escaped = false;
        text = default;
        if (Peek() != '"')
        {
            return false;
        }

        int start = _position + 1;
        int i = start;
        ref byte origin = ref MemoryMarshal.GetReference(_json);
        while (true)
        {
            if (Vector256.IsHardwareAccelerated && i <= _json.Length - Vector256<byte>.Count)
            {
                Vector256<byte> block = Vector256.LoadUnsafe(ref origin, (nuint)i);
                uint special = (Vector256.Equals(block, Vector256.Create((byte)'"')) | Vector256.Equals(block, Vector256.Create((byte)'\\'))
                    | Vector256.Equals(block & Vector256.Create((byte)0xE0), Vector256<byte>.Zero))
                    .ExtractMostSignificantBits();
                if (special == 0)
                {
                    i += Vector256<byte>.Count;
                    continue;
                }

                i += BitOperations.TrailingZeroCount(special);
            }
            else if (i <= _json.Length - Vector128<byte>.Count)
            {
                Vector128<byte> block = Vector128.LoadUnsafe(ref origin, (nuint)i);
                uint special = (Vector128.Equals(block, Vector128.Create((byte)'"')) | Vector128.Equals(block, Vector128.Create((byte)'\\'))
                    | Vector128.Equals(block & Vector128.Create((byte)0xE0), Vector128<byte>.Zero))
                    .ExtractMostSignificantBits();
                if (special == 0)
                {
                    i += Vector128<byte>.Count;
                    continue;
                }

                i += BitOperations.TrailingZeroCount(special);
            }
            else
            {
                while (i < _json.Length && _json[i] >= 0x20 && _json[i] != '"' && _json[i] != '\\')
                {
                    i++;
                }

                if (i == _json.Length)
                {
                    return false;
                }
            }

            if (_json[i] == '"')
            {
                text = start..i;
                _position = i + 1;
                return true;
            }

            if (_json[i] != '\\' || !TrySkipEscape(ref i))
            {
                return false;
            }

            escaped = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryLiteral(ReadOnlySpan<byte> literal)
    {
        // Compared here rather than with StartsWith, whose library code runs instrumented for much of a short import.
        if (_json.Length - _position < literal.Length)
        {
            return false;
        }

        for (int i = 0; i < literal.Length; i++)
        {
            if (_json[_position + i] != literal[i])
            {
                return false;
            }
        }

        _position += literal.Length;
        return true;
    }

    /// <summary>Past the value that starts here, whatever it is, validating all of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipValue()
    {
        switch (Peek())
        {
            case (byte)'"':
                return TryString(out _, out _);
            case (byte)'{':
                return TrySkipObject();
            case (byte)'[':
                return TrySkipArray();
            case (byte)'t':
                return TryLiteral("true"u8);
            case (byte)'f':
                return TryLiteral("false"u8);
            case (byte)'n':
                return TryLiteral("null"u8);
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return TrySkipNumber();
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipObject()
    {
        if (!TryStartObject())
        {
            return false;
        }

        bool first = true;
        while (true)
        {
            switch (NextMember(ref first, out _, out _))
            {
                case Step.End:
                    return true;
                case Step.Invalid:
                    return false;
            }

            if (!TrySkipValue())
            {
                return false;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipArray()
    {
        if (!TryStartArray())
        {
            return false;
        }

        bool first = true;
        while (true)
        {
            switch (NextElement(ref first))
            {
                case Step.End:
                    return true;
                case Step.Invalid:
                    return false;
            }

            if (!TrySkipValue())
            {
                return false;
            }
        }
    }

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>; what may follow is the caller's to check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipNumber()
    {
        int i = _position;
        if (_json[i] == '-')
        {
            i++;
        }

        if (i < _json.Length && _json[i] == '0')
        {
            i++;
        }
        else if (Digits(ref i) == 0)
        {
            return false;
        }

        if (i < _json.Length && _json[i] == '.')
        {
            i++;
            if (Digits(ref i) == 0)
            {
                return false;
            }
        }

        if (i < _json.Length && _json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < _json.Length && _json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(ref i) == 0)
            {
                return false;
            }
        }

        _position = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly int Digits(ref int i)
    {
        int start = i;
        while (i < _json.Length && char.IsAsciiDigit((char)_json[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Past <c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c> other than a surrogate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private readonly bool TrySkipEscape(ref int i)
    {
        if (i + 1 >= _json.Length)
        {
            return false;
        }

        switch (_json[i + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                i += 2;
                return true;
            case (byte)'u':
                int code = 0;
                for (int k = i + 2; k < i + 6; k++)
                {
                    int digit = k < _json.Length ? HexDigit(_json[k]) : -1;
                    if (digit < 0)
                    {
                        return false;
                    }

                    code = (code << 4) | digit;
                }

                i += 6;
                return code is < 0xD800 or > 0xDFFF;
            default:
                return false;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int HexDigit(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryOpen(byte bracket)
    {
        if (Peek() != bracket || _depth == MaxDepth)
        {
            return false;
        }

        _position++;
        _depth++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TrySeparator(byte close, ref bool first, out bool end)
    {
        byte next = Peek();
        end = next == close;
        if (end)
        {
            _position++;
            _depth--;
            return true;
        }

        if (first)
        {
            first = false;
            return true;
        }

        if (next != ',')
        {
            return false;
        }

        _position++;
        return true;
    }
}
