using System.Collections;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// The rows of one or more statements that DuckDB has run to their end: it holds each result, compact and outside the
/// managed heap, and a row becomes an object only when the caller takes it. Objects of a batch built while it waited
/// lived through several collections and were promoted to the older generations; taken one by one they die young.
/// Disposing releases every result not yet read to its end (and its connection).
/// </summary>
internal sealed class ResultRows<T> : IEnumerable<T>, IDisposable
{
    private readonly List<(IEnumerable<T> Rows, IDisposable? Result)> _parts = [];

    public static ResultRows<T> Empty => new();

    /// <summary><paramref name="rows"/>, read from <paramref name="result"/>, which is disposed once they are all taken.</summary>
    public static ResultRows<T> Of(IEnumerable<T> rows, IDisposable? result)
    {
        var single = new ResultRows<T>();
        single._parts.Add((rows, result));
        return single;
    }

    /// <summary>
    /// The rows of <paramref name="read"/>'s results one after another; when one throws, those read before it are released.
    /// </summary>
    public static ResultRows<T> Concat<TSource>(IEnumerable<TSource> sources, Func<TSource, ResultRows<T>> read)
    {
        var all = new ResultRows<T>();
        try
        {
            foreach (TSource source in sources)
            {
                all._parts.AddRange(read(source)._parts);
            }
        }
        catch
        {
            all.Dispose();
            throw;
        }

        return all;
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach ((IEnumerable<T> rows, IDisposable? result) in _parts)
        {
            foreach (T row in rows)
            {
                yield return row;
            }

            result?.Dispose();
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void Dispose()
    {
        foreach ((_, IDisposable? result) in _parts)
        {
            result?.Dispose();
        }
    }
}
