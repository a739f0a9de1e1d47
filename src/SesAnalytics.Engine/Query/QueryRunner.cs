using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Runs the statements of a query over store partitions on connections to one in-memory DuckDB database that lives as
/// long as the process (creating a database costs tens of milliseconds; a connection to it almost nothing), and streams
/// the results partition by partition, in order, so the first objects arrive while later partitions are unread.
/// A query that can read several partitions in one statement (<see cref="IPartitionBatchQuery{T}"/>) reads one partition
/// (the first objects come as soon as it is read), one more, then batches of <see cref="MaxBatch"/>: DuckDB pays a fixed
/// cost per statement, tens of milliseconds with planning and <c>read_json</c>'s setup, more than reading a small
/// partition, while a larger batch only holds more rows until they are handed out.
/// The next batch is read while the caller consumes the current one, which keeps both cores busy.
/// DuckDB runs a batch's statement to its end before any of its rows is handed out (a materialized result, which it
/// holds compactly until the rows are taken): when it fails, each of its partitions is read on its own, and when an
/// object turns out to be malformed, its partition is read again without it (or skipping its bad lines), and nothing
/// has been handed out twice. A statement over a folder's columnar cache that fails is read again from the
/// folder's objects: a cache is never trusted over them.
/// A query whose rows can be put in order per partition (<see cref="IStreamedPartitionQuery{T}"/>, the bounces) is
/// read instead in one streamed statement per run of partitions (<c>QueryRunner.Streamed.cs</c>), falling back to
/// these batches for what a failing statement has not handed out yet.
/// </summary>
public sealed partial class QueryRunner : IDisposable
{
    public const int ProgressActivityId = 1;
    private const string Activity = "Reading the SES event store";

    private const int BatchesInFlight = 2;
    private const int MaxBatch = 32;

    private static readonly DuckDbDatabase Database = new();

    private readonly IOutputSink _sink;
    private readonly ConcurrentBag<DuckDBConnection> _idle = [];
    private readonly ConcurrentBag<DuckDBConnection> _opened = [];

    public QueryRunner(IOutputSink sink)
    {
        _sink = sink;
    }

    public IEnumerable<T> Run<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, CancellationToken cancellationToken) =>
        query is IStreamedPartitionQuery<T> streamed && partitions.Count > 1
            ? RunStreamed(partitions, streamed, cancellationToken)
            : RunBatches(partitions, query, cancellationToken);

    private IEnumerable<T> RunBatches<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        IReadOnlyList<ArraySegment<StorePartition>> batches = Batches(partitions, query is IPartitionBatchQuery<T>);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = new Queue<Task<ResultRows<T>>>();
        int started = 0;
        int read = 0;
        try
        {
            for (int done = 0; done < batches.Count; done++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (started < batches.Count && reading.Count < BatchesInFlight)
                {
                    ArraySegment<StorePartition> next = batches[started++];
                    reading.Enqueue(Task.Run(() => RunBatch(next, query, stop.Token), CancellationToken.None));
                }

                ReportProgress(read, partitions.Count, batches[done][0]);
                using (ResultRows<T> rows = reading.Dequeue().GetAwaiter().GetResult())
                {
                    foreach (T row in rows)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        yield return row;
                    }
                }

                read += batches[done].Count;
            }
        }
        finally
        {
            // The caller stopped early or something failed: end the reads still running before their connections close.
            stop.Cancel();
            foreach (Task<ResultRows<T>> task in reading)
            {
                try
                {
                    task.GetAwaiter().GetResult().Dispose();
                }
                catch (Exception error) when (error is OperationCanceledException or SesAnalyticsException or DuckDBException)
                {
                    // Nobody waits for these rows any more.
                }
            }
        }

        ReportDone(partitions.Count);
    }

    private void ReportProgress(int read, int count, StorePartition next) =>
        _sink.Progress(new ProgressReport(
            ProgressActivityId,
            Activity,
            $"{read} of {count} partitions read",
            read * 100 / count,
            $"{next.Identity} {next.Day:yyyy-MM-dd}"));

    private void ReportDone(int count) =>
        _sink.Progress(new ProgressReport(ProgressActivityId, Activity, $"{count} of {count} partitions read", 100, Completed: true));

    public void Dispose()
    {
        foreach (DuckDBConnection connection in _opened)
        {
            connection.Dispose();
        }
    }

    private DuckDBConnection Rent()
    {
        if (_idle.TryTake(out DuckDBConnection? connection))
        {
            return connection;
        }

        connection = Connect();
        _opened.Add(connection);
        return connection;
    }

    /// <summary>
    /// Starts opening the process's database while the caller searches the store: a query's first statement then finds
    /// DuckDB loaded instead of loading it (about 60 ms the first time in a session).
    /// </summary>
    public static void OpenDatabaseEarly() => Database.OpenInBackground();

    /// <summary>A new open connection to the process's database; the caller disposes it.</summary>
    internal static DuckDBConnection Connect() => Database.Connect();

    /// <summary>
    /// One partition, one more, then <see cref="MaxBatch"/> at a time; all single when the query cannot batch. The second
    /// single partition keeps the first objects early: it is all that is read beside the first one until they are out.
    /// </summary>
    internal static IReadOnlyList<ArraySegment<StorePartition>> Batches(IReadOnlyList<StorePartition> partitions, bool batchable)
    {
        StorePartition[] all = partitions.ToArray();
        var batches = new List<ArraySegment<StorePartition>>();
        for (int start = 0; start < all.Length; start += batches[^1].Count)
        {
            int size = batchable && batches.Count >= 2 ? MaxBatch : 1;
            batches.Add(new ArraySegment<StorePartition>(all, start, Math.Min(size, all.Length - start)));
        }

        return batches;
    }

    private ResultRows<T> RunBatch<T>(ArraySegment<StorePartition> batch, IPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        if (batch.Count == 1 || query is not IPartitionBatchQuery<T> batchQuery)
        {
            return RunPartition(batch[0], query, cancellationToken);
        }

        try
        {
            return Execute(batchQuery.Render(batch, ignoreErrors: false), reader => batchQuery.Read(reader, batch), cancellationToken);
        }
        catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested && batch.Any(p => p.ReadsCache))
        {
            _sink.Verbose($"Reading the columnar cache of {batch.Count} partitions failed ({error.Message}); reading their objects instead.");
            return RunBatch(new ArraySegment<StorePartition>(batch.Select(p => p.WithoutCache()).ToArray()), query, cancellationToken);
        }
        catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested)
        {
            _sink.Verbose($"Reading {batch.Count} partitions in one statement failed ({error.Message}); reading them one by one.");
            return ResultRows<T>.Concat(batch, partition => RunPartition(partition, query, cancellationToken));
        }
    }

    private ResultRows<T> RunPartition<T>(StorePartition partition, IPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        try
        {
            return Execute(query.Render(partition, ignoreErrors: false), reader => query.Read(reader, partition), cancellationToken);
        }
        catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested && partition.ReadsCache)
        {
            _sink.Verbose($"Reading the columnar cache of {partition.Identity} {partition.Day:yyyy-MM-dd} failed ({error.Message}); reading its objects instead.");
            return RunPartition(partition.WithoutCache(), query, cancellationToken);
        }
        catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested)
        {
            _sink.Verbose($"Reading {partition.Identity} {partition.Day:yyyy-MM-dd} failed ({error.Message}); checking its objects one by one.");
            return RunObjectByObject(partition, query, error, cancellationToken);
        }
    }

    private ResultRows<T> RunObjectByObject<T>(StorePartition partition, IPartitionQuery<T> query, DuckDBException partitionError, CancellationToken cancellationToken)
    {
        var unreadable = new HashSet<string>(StringComparer.Ordinal);
        bool anyMalformed = false;
        foreach (StoreFolder folder in partition.Folders)
        {
            foreach (string path in folder.Objects)
            {
                StorePartition single = partition with { Folders = [folder with { Objects = [path] }] };
                if (Succeeds(single, query, ignoreErrors: false, cancellationToken))
                {
                    continue;
                }

                if (Succeeds(single, query, ignoreErrors: true, cancellationToken))
                {
                    anyMalformed = true;
                    _sink.Warning($"The object '{path}' has lines that are not valid SES event JSON; they were skipped. The other lines were read.");
                }
                else
                {
                    unreadable.Add(path);
                    _sink.Error(new SesAnalyticsException(
                        "EventObjectUnreadable",
                        ErrorKind.InvalidData,
                        $"The object '{path}' cannot be read as GZIP JSON lines, so its events are left out. Replace it with a good copy (from the bucket) or remove it.",
                        path));
                }
            }
        }

        if (unreadable.Count == 0 && !anyMalformed)
        {
            throw new SesAnalyticsException(
                "StoreQueryFailed",
                ErrorKind.ReadError,
                $"Reading the events of {partition.Identity} on {partition.Day:yyyy-MM-dd} failed: {partitionError.Message}",
                partition.Folders[0].Path,
                partitionError);
        }

        StorePartition readable = partition.Without(unreadable);
        return readable.Folders.Count == 0
            ? ResultRows<T>.Empty
            : Execute(query.Render(readable, ignoreErrors: anyMalformed), reader => query.Read(reader, readable), cancellationToken);
    }

    private bool Succeeds<T>(StorePartition partition, IPartitionQuery<T> query, bool ignoreErrors, CancellationToken cancellationToken)
    {
        try
        {
            Execute(query.Render(partition, ignoreErrors), reader => query.Read(reader, partition), cancellationToken).Dispose();
            return true;
        }
        catch (DuckDBException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="statement"/> to its end on a connection that stays the result's until it is disposed.</summary>
    private ResultRows<T> Execute<T>(SqlStatement statement, Func<DbDataReader, IEnumerable<T>> read, CancellationToken cancellationToken)
    {
        DuckDBConnection connection = Rent();
        DuckDBCommand command = CommandOn(connection, statement);
        var result = new OpenResult(command, () => _idle.Add(connection));
        try
        {
            using (var interrupter = new CommandInterrupter(command))
            using (cancellationToken.Register(interrupter.Start))
            {
                // Not streaming: DuckDB reads every object before this returns, so a bad one fails here, before any row is out.
                result.Reader = command.ExecuteReader();
            }

            return ResultRows<T>.Of(read(result.Reader), result);
        }
        catch (Exception error) when (error is DuckDBException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            result.Dispose();
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>A command on <paramref name="connection"/> with the statement's text and its values bound in order.</summary>
    private static DuckDBCommand CommandOn(DuckDBConnection connection, SqlStatement statement)
    {
        DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement.Text;
        foreach (object value in statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }

        return command;
    }

    /// <summary>A command's result and the connection it holds until the result is read or given up.</summary>
    private sealed class OpenResult(DuckDBCommand command, Action release) : IDisposable
    {
        private int _disposed;

        public DbDataReader? Reader { get; set; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            Reader?.Dispose();
            command.Dispose();
            release();
        }
    }
}
