using System.Data.Common;
using SesAnalytics.Engine.Store;

namespace SesAnalytics.Engine.Query;

/// <summary>A query the <see cref="QueryRunner"/> runs once per store partition.</summary>
public interface IPartitionQuery<T>
{
    /// <summary>The statement over the partition's objects; <paramref name="ignoreErrors"/> skips lines that do not parse.</summary>
    SqlStatement Render(StorePartition partition, bool ignoreErrors);

    IEnumerable<T> Read(DbDataReader reader, StorePartition partition);
}
