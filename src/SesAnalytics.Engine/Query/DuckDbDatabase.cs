using DuckDB.NET.Data;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// An in-memory DuckDB database that lives as long as the process, opened when first used: creating a database costs
/// tens of milliseconds, a connection to it almost nothing. <paramref name="settings"/> run once when it opens (its
/// <c>SET</c>s are the database's, shared by every connection).
/// </summary>
internal sealed class DuckDbDatabase(params string[] settings)
{
    private readonly Lazy<DuckDBConnection> _database = new(() => Open(settings), LazyThreadSafetyMode.ExecutionAndPublication);
    private int _opening;

    /// <summary>
    /// Starts opening the database on a thread of its own when nobody has yet: loading DuckDB and creating a database
    /// take tens of milliseconds, which the caller spends finding what to read instead of waiting. A thread, not the
    /// pool: at a session's first query the pool's threads are busy with the command itself, and a queued open waited
    /// for one (about 12 ms). A failure is not lost: the next <see cref="Connect"/> throws it.
    /// </summary>
    public void OpenInBackground()
    {
        // Once: a query's input is prepared, then its store searched, and each asks; the second would only wait.
        if (!_database.IsValueCreated && Interlocked.Exchange(ref _opening, 1) == 0)
        {
            new Thread(static database => ((DuckDbDatabase)database!).OpenQuietly()) { IsBackground = true, Name = "SesAnalytics DuckDB open" }.Start(this);
        }
    }

    /// <summary>A new open connection to the database; the caller disposes it.</summary>
    public DuckDBConnection Connect()
    {
        DuckDBConnection connection;
        lock (_database)
        {
            connection = _database.Value.Duplicate();
        }

        connection.Open();
        return connection;
    }

    private void OpenQuietly()
    {
        try
        {
            _ = _database.Value;
        }
        catch (Exception)
        {
            // The lazy value keeps the failure; Connect throws it to the caller that needs the database.
        }
    }

    private static DuckDBConnection Open(string[] settings)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        foreach (string setting in settings)
        {
            using DuckDBCommand command = connection.CreateCommand();
            command.CommandText = setting;
            command.ExecuteNonQuery();
        }

        return connection;
    }
}
