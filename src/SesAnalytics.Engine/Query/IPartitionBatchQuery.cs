using System.Data.Common;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>
/// A <see cref="IPartitionQuery{T}"/> that can also read several partitions in one statement. DuckDB pays a fixed cost
/// for every <c>read_json</c> it runs (a few milliseconds, more than reading a small partition), so the
/// <see cref="QueryRunner"/> reads growing batches of partitions this way and falls back to one statement per partition
/// only for a batch that fails.
/// </summary>
public interface IPartitionBatchQuery<T> : IPartitionQuery<T>
{
    /// <summary>
    /// One statement over the objects of all <paramref name="partitions"/>, whose rows come partition by partition in
    /// list order, each partition's rows in the order <see cref="IPartitionQuery{T}.Render"/> gives them.
    /// </summary>
    SqlStatement Render(IReadOnlyList<StorePartition> partitions, bool ignoreErrors);

    /// <summary>The objects of every partition of the batch, in list order, as <see cref="IPartitionQuery{T}.Read"/> makes them.</summary>
    IEnumerable<T> Read(DbDataReader reader, IReadOnlyList<StorePartition> partitions);
}
