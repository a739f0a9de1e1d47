using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// A <see cref="IPartitionBatchQuery{T}"/> whose rows the <see cref="QueryRunner"/> can take while DuckDB still reads:
/// its statement over many partitions has no <c>ORDER BY</c> (which would hold every row back until the last object is
/// read), so DuckDB hands rows out in the order of the objects it reads, partition by partition, and the runner puts
/// each partition's rows in order by their <see cref="SqlSortKey"/>.
/// </summary>
internal interface IStreamedPartitionQuery<T> : IPartitionBatchQuery<T>
{
    /// <summary>
    /// One statement over the objects of all <paramref name="partitions"/>, without <c>ORDER BY</c>; its first column is
    /// each row's index in <paramref name="partitions"/>.
    /// </summary>
    SqlStatement RenderUnordered(IReadOnlyList<StorePartition> partitions);

    /// <summary>The reader's current row: its partition's index, its object and the key that orders it in its partition.</summary>
    StreamedRow<T> ReadRow(ChunkReader reader, IReadOnlyList<StorePartition> partitions);
}

/// <summary>A row of a streamed statement: the index of its partition in the batch, its object, its place in the partition.</summary>
public readonly record struct StreamedRow<T>(int Partition, T Value, SqlSortKey Key);
