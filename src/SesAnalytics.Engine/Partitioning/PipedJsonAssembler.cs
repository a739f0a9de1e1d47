using System.Text;
using System.Text.Json;
using SesAnalytics.Engine.Errors;

namespace SesAnalytics.Engine.Partitioning;

/// <summary>
/// Puts a pretty-printed JSON document back together when it arrives one line per pipeline item, as
/// <c>Get-Content pretty.json</c> sends it: an item that is only an opening brace or bracket starts a document, and the
/// items after it are gathered until it closes. Imported line by line, its fragments would be dozens of errors and its
/// scalar lines (an address in an array) junk error records in the store. Every other item passes through unchanged.
/// </summary>
public sealed class PipedJsonAssembler
{
    private readonly StringBuilder _document = new();
    private string? _firstSource;
    private string? _lastSource;
    private int _items;
    private int _depth;
    private bool _inString;
    private bool _escaped;

    /// <summary>
    /// What to import for this item: the item itself, a whole document once its last line arrives, or nothing while a
    /// document is still open.
    /// </summary>
    /// <exception cref="InvalidInputException">The gathered document is not JSON; none of its lines is imported.</exception>
    public PipedJson Add(string text, string source)
    {
        if (_firstSource is null)
        {
            if (!OpensDocument(text))
            {
                return new PipedJson(text, source, 1);
            }

            _firstSource = source;
        }

        _document.Append(text).Append('\n');
        _lastSource = source;
        _items++;
        Scan(text);
        if (_depth > 0)
        {
            return PipedJson.Pending;
        }

        string document = _document.ToString();
        string range = Range();
        int items = _items;
        Reset();
        try
        {
            using var parsed = JsonDocument.Parse(document);
        }
        catch (JsonException error)
        {
            throw new InvalidInputException(
                "MalformedJsonDocument",
                $"{range} arrived as the lines of one JSON document, which is not valid JSON ({error.Message}); none of them was imported. " +
                "Fix the document, then pipe it whole with Get-Content -Raw, or give the file with -LiteralPath.",
                range,
                error);
        }

        return new PipedJson(document, range, items);
    }

    /// <summary>At the end of the input: a document still open never closed.</summary>
    /// <exception cref="InvalidInputException">A document began and never ended; none of its lines is imported.</exception>
    public void Finish()
    {
        if (_firstSource is null)
        {
            return;
        }

        string range = Range();
        Reset();
        throw new InvalidInputException(
            "IncompleteJsonDocument",
            $"{range} began a JSON document that never ended; none of them was imported. Get-Content sends a file one line " +
            "at a time: pipe it whole with Get-Content -Raw, or give the file with -LiteralPath.",
            range);
    }

    /// <summary>Only an opener ("{", "[", "[{"): the first line of a pretty-printed document, never a truncated JSON line.</summary>
    private static bool OpensDocument(string text)
    {
        ReadOnlySpan<char> trimmed = text.AsSpan().Trim().TrimStart('\uFEFF');
        if (trimmed.IsEmpty)
        {
            return false;
        }

        foreach (char c in trimmed)
        {
            if (c is not ('{' or '[' or ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private void Scan(string text)
    {
        foreach (char c in text)
        {
            if (_inString)
            {
                (_inString, _escaped) = _escaped ? (true, false) : (c != '"', c == '\\');
            }
            else if (c == '"')
            {
                _inString = true;
            }
            else if (c is '{' or '[')
            {
                _depth++;
            }
            else if (c is '}' or ']')
            {
                _depth--;
            }
        }
    }

    private string Range() => _items == 1 ? _firstSource! : $"{_firstSource} to {_lastSource}";

    private void Reset()
    {
        _document.Clear();
        _firstSource = _lastSource = null;
        _items = _depth = 0;
        _inString = _escaped = false;
    }
}

/// <summary>Text to import and the pipeline items it came from; <see cref="Pending"/> while a document is still open.</summary>
public sealed record PipedJson(string? Text, string Source, int Items)
{
    public static PipedJson Pending { get; } = new(null, string.Empty, 0);
}
