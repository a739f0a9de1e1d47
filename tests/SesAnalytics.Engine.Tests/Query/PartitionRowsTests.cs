using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class PartitionRowsTests
{
    public static TheoryData<string, int> Arrivals => new()
    {
        { "sorted", 200 },
        { "nearly sorted", 200 },
        { "reversed", 200 },
        { "shuffled", 500 },
        { "shuffled", 3 },
        { "sorted", 1 },
    };

    [Theory]
    [MemberData(nameof(Arrivals))]
    public void RowsComeByKeyAndEqualKeysInArrivalOrder(string arrival, int count)
    {
        // Few distinct keys, NULLs among them: many ties, whose arrival order must survive either sort.
        var random = new Random(count);
        string?[] times = ["2024-03-01T00:00:00.000Z", "2024-03-01T09:30:00.500Z", "2024-03-01T23:59:59.999Z", null];
        List<(int Arrival, SqlSortKey Key)> rows = [.. Enumerable.Range(0, count).Select(i => (i, new SqlSortKey(times[random.Next(times.Length)], "m" + random.Next(4), null)))];
        List<SqlSortKey> keys = arrival switch
        {
            "sorted" => [.. rows.Select(r => r.Key).Order()],
            "nearly sorted" => NearlySorted([.. rows.Select(r => r.Key).Order()]),
            "reversed" => [.. rows.Select(r => r.Key).Order().Reverse()],
            _ => [.. rows.Select(r => r.Key)],
        };

        var partition = new PartitionRows<string>();
        for (int i = 0; i < keys.Count; i++)
        {
            partition.Add(new StreamedRow<string>(0, $"row {i}", keys[i]));
        }

        string[] expected = [.. keys.Select((key, i) => (Key: key, Value: $"row {i}")).OrderBy(r => r.Key).Select(r => r.Value)];
        Assert.Equal(expected, partition.TakeInOrder());
        Assert.Empty(partition.TakeInOrder());
    }

    [Fact]
    public void APartitionIsEmptyAgainOnceTaken()
    {
        var partition = new PartitionRows<int>();
        partition.Add(new StreamedRow<int>(0, 2, new SqlSortKey("b")));
        partition.Add(new StreamedRow<int>(0, 1, new SqlSortKey("a")));
        Assert.Equal([1, 2], partition.TakeInOrder());

        partition.Add(new StreamedRow<int>(1, 3, new SqlSortKey("c")));
        Assert.Equal([3], partition.TakeInOrder());
    }

    private static List<SqlSortKey> NearlySorted(List<SqlSortKey> sorted)
    {
        for (int i = 0; i + 1 < sorted.Count; i += 7)
        {
            (sorted[i], sorted[i + 1]) = (sorted[i + 1], sorted[i]);
        }

        return sorted;
    }
}
