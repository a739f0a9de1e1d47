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
        text = default;
        escaped = false;
        if (Peek() != '"')
        {
            return false;
        }

        int i = _position;
        if (!SkipString(_json, ref i, out escaped))
        {
            return false;
        }

        text = (_position + 1)..(i - 1);
        _position = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryLiteral(ReadOnlySpan<byte> literal) => SkipLiteral(_json, ref _position, literal);

    /// <summary>Past the value that starts here, whatever it is, validating all of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TrySkipValue()
    {
        switch (Peek())
        {
            case (byte)'"':
                return SkipString(_json, ref _position, out _);
            case (byte)'{' or (byte)'[':
                return TrySkipContainer();
            case (byte)'t':
                return SkipLiteral(_json, ref _position, "true"u8);
            case (byte)'f':
                return SkipLiteral(_json, ref _position, "false"u8);
            case (byte)'n':
                return SkipLiteral(_json, ref _position, "null"u8);
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return SkipNumber(_json, ref _position);
            default:
                return false;
        }
    }

    /// <summary>
    /// Past the object or array that starts here, in one loop over local state rather than a call per member: most of
    /// a record is values the scanner only skips. <c>objects</c> has a bit per container open, set for an object.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TrySkipContainer()
    {
        ReadOnlySpan<byte> json = _json;
        int i = _position;
        int depth = _depth;
        int level = 0;
        uint objects = 0;
        bool whitespace = false;
        byte next = json[i];
        while (true)
        {
            // A value starts at i (next is its first byte).
            if (next is (byte)'{' or (byte)'[')
            {
                if (depth == MaxDepth)
                {
                    return false;
                }

                depth++;
                level++;
                bool isObject = next == '{';
                objects = (objects << 1) | (isObject ? 1u : 0u);
                i++;
                next = NextToken(json, ref i, ref whitespace);
                if (next == (isObject ? (byte)'}' : (byte)']'))
                {
                    i++;
                    depth--;
                    level--;
                    objects >>= 1;
                }
                else
                {
                    if (isObject && !SkipName(json, ref i, ref whitespace))
                    {
                        return false;
                    }

                    next = NextToken(json, ref i, ref whitespace);
                    continue;
                }
            }
            else if (!SkipScalar(json, ref i, next))
            {
                return false;
            }

            // Past a value: a comma and the next member or element, or the end of one or more containers.
            while (true)
            {
                if (level == 0)
                {
                    _position = i;
                    _depth = depth;
                    HasWhitespace |= whitespace;
                    return true;
                }

                next = NextToken(json, ref i, ref whitespace);
                bool inObject = (objects & 1) != 0;
                if (next == ',')
                {
                    i++;
                    next = NextToken(json, ref i, ref whitespace);
                    if (inObject)
                    {
                        if (!SkipName(json, ref i, ref whitespace))
                        {
                            return false;
                        }

                        next = NextToken(json, ref i, ref whitespace);
                    }

                    break;
                }

                if (next != (inObject ? (byte)'}' : (byte)']'))
                {
                    return false;
                }

                i++;
                depth--;
                level--;
                objects >>= 1;
            }
        }
    }

    /// <summary>The byte at <paramref name="i"/> once past whitespace (0 at the end), noting whether there was any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte NextToken(ReadOnlySpan<byte> json, ref int i, ref bool whitespace)
    {
        while ((uint)i < (uint)json.Length)
        {
            byte next = json[i];
            if (next > ' ')
            {
                return next;
            }

            if (next is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r'))
            {
                return next;
            }

            whitespace = true;
            i++;
        }

        return 0;
    }

    /// <summary>Past a member's name and its colon.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SkipName(ReadOnlySpan<byte> json, ref int i, ref bool whitespace)
    {
        if ((uint)i >= (uint)json.Length || json[i] != '"' || !SkipString(json, ref i, out _) || NextToken(json, ref i, ref whitespace) != ':')
        {
            return false;
        }

        i++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SkipScalar(ReadOnlySpan<byte> json, ref int i, byte first) => first switch
    {
        (byte)'"' => SkipString(json, ref i, out _),
        (byte)'t' => SkipLiteral(json, ref i, "true"u8),
        (byte)'f' => SkipLiteral(json, ref i, "false"u8),
        (byte)'n' => SkipLiteral(json, ref i, "null"u8),
        (byte)'-' or (>= (byte)'0' and <= (byte)'9') => SkipNumber(json, ref i),
        _ => false,
    };

    /// <summary>
    /// Past the string whose opening quote is at <paramref name="i"/>, its body skipped a vector at a time up to a quote,
    /// a backslash or a control byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SkipString(ReadOnlySpan<byte> json, ref int position, out bool escaped)
    {
        escaped = false;
        int i = position + 1;
        ref byte origin = ref MemoryMarshal.GetReference(json);
        while (true)
        {
            if (Vector256.IsHardwareAccelerated && i <= json.Length - Vector256<byte>.Count)
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
            else if (i <= json.Length - Vector128<byte>.Count)
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
                while (i < json.Length && json[i] >= 0x20 && json[i] != '"' && json[i] != '\\')
                {
                    i++;
                }

                if (i == json.Length)
                {
                    return false;
                }
            }

            if (json[i] == '"')
            {
                position = i + 1;
                return true;
            }

            if (json[i] != '\\' || !TrySkipEscape(json, ref i))
            {
                return false;
            }

            escaped = true;
        }
    }

    /// <summary>Compared here rather than with StartsWith, whose library code runs instrumented for much of a short import.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipLiteral(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> literal)
    {
        if (json.Length - i < literal.Length)
        {
            return false;
        }

        for (int k = 0; k < literal.Length; k++)
        {
            if (json[i + k] != literal[k])
            {
                return false;
            }
        }

        i += literal.Length;
        return true;
    }

    /// <summary><c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>; what may follow is the caller's to check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool SkipNumber(ReadOnlySpan<byte> json, ref int position)
    {
        int i = position;
        if (json[i] == '-')
        {
            i++;
        }

        if (i < json.Length && json[i] == '0')
        {
            i++;
        }
        else if (Digits(json, ref i) == 0)
        {
            return false;
        }

        if (i < json.Length && json[i] == '.')
        {
            i++;
            if (Digits(json, ref i) == 0)
            {
                return false;
            }
        }

        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (Digits(json, ref i) == 0)
            {
                return false;
            }
        }

        position = i;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Digits(ReadOnlySpan<byte> json, ref int i)
    {
        int start = i;
        while (i < json.Length && char.IsAsciiDigit((char)json[i]))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Past <c>\"</c>, <c>\\</c>, <c>\/</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c> other than a surrogate.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TrySkipEscape(ReadOnlySpan<byte> json, ref int i)
    {
        if (i + 1 >= json.Length)
        {
            return false;
        }

        switch (json[i + 1])
        {
            case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                i += 2;
                return true;
            case (byte)'u':
                int code = 0;
                for (int k = i + 2; k < i + 6; k++)
                {
                    int digit = k < json.Length ? HexDigit(json[k]) : -1;
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
