using DuckDB.NET.Data;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

public sealed partial class QueryRunner
{
    /// <summary>At most this many partitions in one streamed statement, whose text lists each of their objects.</summary>
    private const int MaxStreamed = 256;

    /// <summary>
    /// Reads a <see cref="IStreamedPartitionQuery{T}"/> in one statement per run of partitions: DuckDB reads the objects
    /// while the rows are taken, and keeps the order of its input, so a partition is complete when the first row of a
    /// later one arrives; its rows are then put in order and handed out. The caller's thread takes the rows from
    /// DuckDB, whose own threads read ahead of it; a thread of ours reading ahead as well only added hand-offs between
    /// threads (and their spinning waits) to a caller that passes each object on (a cmdlet to PowerShell's thread).
    /// A run is all read from objects or all from cache files (a statement over both reads the objects first). When the
    /// statement fails, the partitions already handed out stay out and the rest of the run is read as the batches of
    /// <see cref="RunBatches{T}"/> are, with their fallbacks (one partition at a time, then object by object, a cache
    /// never trusted over its objects): nothing is handed out twice.
    /// </summary>
    private IEnumerable<T> RunStreamed<T>(IReadOnlyList<StorePartition> partitions, IStreamedPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        foreach (T[] rows in StreamedPartitions([.. partitions], query, cancellationToken))
        {
            foreach (T row in rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return row;
            }
        }

        ReportDone(partitions.Count);
    }

    /// <summary>The rows of each partition of <paramref name="all"/> in order, one array a partition (or a fallback batch).</summary>
    private IEnumerable<T[]> StreamedPartitions<T>(StorePartition[] all, IStreamedPartitionQuery<T> query, CancellationToken cancellationToken)
    {
        int read = 0;
        foreach (ArraySegment<StorePartition> run in Runs(all))
        {
            ReportProgress(read, all.Length, run[0]);
            var rows = new PartitionRows<T>();
            int current = 0;
            DuckDbStatementException? failure;
            using (StreamedResult<T> result = StreamedResult<T>.Open(this, query, run, cancellationToken))
            {
                while (result.TryRead(out StreamedRow<T> row))
                {
                    if (row.Partition != current)
                    {
                        if (row.Partition < current)
                        {
                            throw new InvalidOperationException($"DuckDB returned a row of partition {row.Partition} after rows of partition {current}: a streamed statement must keep the order of its objects.");
                        }

                        yield return rows.TakeInOrder();
                        current = row.Partition;
                        ReportProgress(read + current, all.Length, run[current]);
                    }

                    rows.Add(row);
                }

                failure = result.Failure;
            }

            if (failure is null)
            {
                yield return rows.TakeInOrder();
            }
            else
            {
                cancellationToken.ThrowIfCancellationRequested();
                _sink.Verbose($"Reading {run.Count - current} partitions in one statement failed ({failure.Message}); reading them in batches.");
                for (int start = current; start < run.Count; start += MaxBatch)
                {
                    using ResultRows<T> batch = RunBatch(run.Slice(start, Math.Min(MaxBatch, run.Count - start)), query, cancellationToken);
                    yield return batch.ToArray();
                }
            }

            read += run.Count;
        }
    }

    /// <summary>
    /// Consecutive partitions read the same way (all from objects, or all from cache files), at most
    /// <see cref="MaxStreamed"/>; a partition whose folders are read both ways is a run of its own.
    /// </summary>
    internal static IEnumerable<ArraySegment<StorePartition>> Runs(StorePartition[] partitions)
    {
        int start = 0;
        while (start < partitions.Length)
        {
            ReadKind kind = KindOf(partitions[start]);
            int end = start + 1;
            while (kind != ReadKind.Mixed && end < partitions.Length && end - start < MaxStreamed && KindOf(partitions[end]) == kind)
            {
                end++;
            }

            yield return new ArraySegment<StorePartition>(partitions, start, end - start);
            start = end;
        }
    }

    private static ReadKind KindOf(StorePartition partition) =>
        partition.Folders.All(f => f.Cache is not null) ? ReadKind.Cache
        : partition.Folders.Any(f => f.Cache is not null) ? ReadKind.Mixed
        : ReadKind.Objects;

    private enum ReadKind
    {
        Objects,
        Cache,
        Mixed,
    }

    /// <summary>
    /// A streamed statement over a run of partitions on a connection of the runner's, read by a <see cref="ChunkReader"/>
    /// and interrupted when the caller cancels; the connection goes back to the runner when it is disposed. A DuckDB
    /// failure, when the statement starts or while its rows are read, ends the rows and is kept in <see cref="Failure"/>.
    /// </summary>
    private sealed class StreamedResult<T> : IDisposable
    {
        private readonly QueryRunner _runner;
        private readonly DuckDBConnection _connection;
        private readonly CommandInterrupter _interrupter;
        private readonly CancellationTokenRegistration _registration;
        private readonly IStreamedPartitionQuery<T> _query;
        private readonly IReadOnlyList<StorePartition> _partitions;
        private ChunkReader? _reader;

        private StreamedResult(QueryRunner runner, IStreamedPartitionQuery<T> query, IReadOnlyList<StorePartition> partitions, CancellationToken cancellationToken)
        {
            _runner = runner;
            _query = query;
            _partitions = partitions;
            _connection = runner.Rent();
            DuckDBConnection connection = _connection;
            _interrupter = new CommandInterrupter(() => ChunkReader.Interrupt(connection));
            _registration = cancellationToken.Register(_interrupter.Start);
        }

        public DuckDbStatementException? Failure { get; private set; }

        public static StreamedResult<T> Open(QueryRunner runner, IStreamedPartitionQuery<T> query, IReadOnlyList<StorePartition> partitions, CancellationToken cancellationToken)
        {
            // Rendered first: the first statement of a session may wait in Rent for DuckDB to finish loading.
            SqlStatement statement = query.RenderUnordered(partitions);
            var result = new StreamedResult<T>(runner, query, partitions, cancellationToken);
            try
            {
                result._reader = ChunkReader.Execute(result._connection, statement);
            }
            catch (DuckDbStatementException error)
            {
                result.Failure = error;
            }
            catch
            {
                result.Dispose();
                throw;
            }

            return result;
        }

        public bool TryRead(out StreamedRow<T> row)
        {
            row = default;
            if (_reader is null || Failure is not null)
            {
                return false;
            }

            try
            {
                if (!_reader.Read())
                {
                    return false;
                }

                row = _query.ReadRow(_reader, _partitions);
                return true;
            }
            catch (DuckDbStatementException error)
            {
                Failure = error;
                return false;
            }
        }

        public void Dispose()
        {
            _registration.Dispose();
            _interrupter.Dispose();
            _reader?.Dispose();
            _runner._idle.Add(_connection);
        }
    }
}
