using System.Collections.Concurrent;
using System.Data.Common;
using DuckDB.NET.Data;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// Runs one statement per store partition on in-memory DuckDB connections (opened on first use, kept for the command)
/// and streams the results partition by partition, in order, so the first objects arrive while later partitions are
/// unread. The next partitions are read while the caller consumes the current one: a partition is small, so its
/// statement is mostly fixed cost, and two in flight keep both cores busy.
/// A partition's rows are gathered before they are handed out: when an object turns out to be malformed, the partition
/// is read again without it (or skipping its bad lines), and nothing of it has been handed out twice.
/// </summary>
public sealed class QueryRunner : IDisposable
{
    public const int ProgressActivityId = 1;
    private const string Activity = "Reading the SES event store";

    private const int PartitionsInFlight = 2;

    private readonly IOutputSink _sink;
    private readonly ConcurrentBag<DuckDBConnection> _idle = [];
    private readonly ConcurrentBag<DuckDBConnection> _opened = [];

    public QueryRunner(IOutputSink sink)
    {
        _sink = sink;
    }

    public IEnumerable<T> Run<T>(IReadOnlyList<StorePartition> partitions, IPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = new Queue<Task<IReadOnlyList<T>>>();
        int started = 0;
        try
        {
            for (int done = 0; done < partitions.Count; done++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                while (started < partitions.Count && reading.Count < PartitionsInFlight)
                {
                    StorePartition next = partitions[started++];
                    reading.Enqueue(Task.Run(() => RunPartition(next, query, stop.Token), CancellationToken.None));
                }

                StorePartition partition = partitions[done];
                _sink.Progress(new ProgressReport(
                    ProgressActivityId,
                    Activity,
                    $"{done} of {partitions.Count} partitions read",
                    done * 100 / partitions.Count,
                    $"{partition.Identity} {partition.Day:yyyy-MM-dd}"));
                foreach (T row in reading.Dequeue().GetAwaiter().GetResult())
                {
                    yield return row;
                }
            }
        }
        finally
        {
            // The caller stopped early or something failed: end the reads still running before their connections close.
            stop.Cancel();
            foreach (Task<IReadOnlyList<T>> task in reading)
            {
                try
                {
                    task.GetAwaiter().GetResult();
                }
                catch (Exception error) when (error is OperationCanceledException or SesAnalyticsException or DuckDBException)
                {
                    // Nobody waits for these rows any more.
                }
            }
        }

        _sink.Progress(new ProgressReport(ProgressActivityId, Activity, $"{partitions.Count} of {partitions.Count} partitions read", 100, Completed: true));
    }

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

        connection = new DuckDBConnection("DataSource=:memory:");
        _opened.Add(connection);
        connection.Open();
        return connection;
    }

    private IReadOnlyList<T> RunPartition<T>(StorePartition partition, IPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        try
        {
            return Execute(query.Render(partition, ignoreErrors: false), query, partition, cancellationToken);
        }
        catch (DuckDBException error) when (!cancellationToken.IsCancellationRequested)
        {
            _sink.Verbose($"Reading {partition.Identity} {partition.Day:yyyy-MM-dd} failed ({error.Message}); checking its objects one by one.");
            return RunObjectByObject(partition, query, error, cancellationToken);
        }
    }

    private IReadOnlyList<T> RunObjectByObject<T>(StorePartition partition, IPartitionQuery<T> query, DuckDBException partitionError, CancellationToken cancellationToken)
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
            ? []
            : Execute(query.Render(readable, ignoreErrors: anyMalformed), query, readable, cancellationToken);
    }

    private bool Succeeds<T>(StorePartition partition, IPartitionQuery<T> query, bool ignoreErrors, CancellationToken cancellationToken)
    {
        try
        {
            Execute(query.Render(partition, ignoreErrors), query, partition, cancellationToken);
            return true;
        }
        catch (DuckDBException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private IReadOnlyList<T> Execute<T>(SqlStatement statement, IPartitionQuery<T> query, StorePartition partition, CancellationToken cancellationToken)
    {
        DuckDBConnection connection = Rent();
        try
        {
            return Execute(connection, statement, query, partition, cancellationToken);
        }
        finally
        {
            _idle.Add(connection);
        }
    }

    private static IReadOnlyList<T> Execute<T>(DuckDBConnection connection, SqlStatement statement, IPartitionQuery<T> query, StorePartition partition, CancellationToken cancellationToken)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement.Text;
        foreach (object value in statement.Parameters)
        {
            command.Parameters.Add(new DuckDBParameter(value));
        }

        try
        {
            using var interrupter = new CommandInterrupter(command);
            using CancellationTokenRegistration registration = cancellationToken.Register(interrupter.Start);
            using DbDataReader reader = command.ExecuteReader();
            var rows = new List<T>();
            foreach (T row in query.Read(reader, partition))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add(row);
            }

            return rows;
        }
        catch (Exception error) when (error is DuckDBException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
    }
}
