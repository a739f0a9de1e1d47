using DuckDB.NET.Data;
using SesAnalytics.Engine.Query;
using SesAnalytics.Engine.Tests.Support;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class ChunkReaderTests : IDisposable
{
    private readonly TestStore _store = new();

    public void Dispose() => _store.Dispose();

    [Fact]
    public void TextComesAsDuckDbNetReadsItAcrossChunksRepeatsAndNulls()
    {
        // 5,000 rows (three of DuckDB's 2,048-row chunks): inlined (≤ 12 bytes) and pointed-to values, NULLs, runs of
        // one value, values of equal length that differ, non-ASCII and a surrogate pair.
        const string Statement = """
            SELECT CAST(i AS INTEGER),
                   CASE WHEN i % 7 = 0 THEN NULL ELSE ['Permanent', 'Transient', 'a', 'b', ''][1 + (i // 50) % 5] END,
                   'message-' || CAST(i AS VARCHAR) || '-0000000000-é😀',
                   CASE WHEN i % 3 = 0 THEN 'abc' ELSE 'abd' END,
                   CASE WHEN i % 1000 = 0 THEN NULL ELSE 'a-long-repeated-value-of-the-column' END
            FROM range(5000) AS t(i)
            """;
        using DuckDBConnection connection = QueryRunner.Connect();
        List<string?[]> expected = ReadWithDuckDbNet(connection, Statement);

        var actual = new List<string?[]>();
        using (ChunkReader reader = ChunkReader.Execute(connection, new SqlStatement(Statement, [])))
        {
            while (reader.Read())
            {
                actual.Add([reader.GetInt32(0).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetText(1), reader.GetText(2), reader.GetText(3), reader.GetText(4)]);
            }
        }

        Assert.Equal(5000, actual.Count);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TextValuesAreBoundAsParameters()
    {
        using DuckDBConnection connection = QueryRunner.Connect();
        using ChunkReader reader = ChunkReader.Execute(connection, new SqlStatement("SELECT ? || '|' || ?", ["it's", "ü; DROP TABLE x"]));

        Assert.True(reader.Read());
        Assert.Equal("it's|ü; DROP TABLE x", reader.GetText(0));
        Assert.False(reader.Read());
    }

    [Fact]
    public void AStatementDuckDbRefusesAndAFailureWhileReadingAreStatementErrors()
    {
        using DuckDBConnection connection = QueryRunner.Connect();
        Assert.Throws<DuckDbStatementException>(() => ChunkReader.Execute(connection, new SqlStatement("SELEC 1", [])));

        string damaged = Path.Combine(_store.Root, "damaged.gz");
        File.WriteAllBytes(damaged, [.. TestStore.Gzip("{\"a\":\"x\"}\n"), .. new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }]);
        string statement = $"SELECT a FROM read_json('{damaged.Replace("'", "''", StringComparison.Ordinal)}', format = 'newline_delimited', compression = 'gzip', columns = {{a: 'VARCHAR'}})";
        Assert.Throws<DuckDbStatementException>(() =>
        {
            using ChunkReader reader = ChunkReader.Execute(connection, new SqlStatement(statement, []));
            while (reader.Read())
            {
                _ = reader.GetText(0);
            }
        });
    }

    [Fact]
    public async Task AnInterruptedStatementEndsItsRowsWithAStatementError()
    {
        // No row for a long while: DuckDB scans numbers for one that is not there. Starting a streamed statement may
        // already run it, so the interrupts begin first, repeated (DuckDB drops one that lands before execution begins),
        // as the runner's interrupter does.
        using DuckDBConnection connection = QueryRunner.Connect();
        using var done = new CancellationTokenSource();
        Task interrupting = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                ChunkReader.Interrupt(connection);
                await Task.Delay(50, CancellationToken.None);
            }
        });

        try
        {
            Assert.Throws<DuckDbStatementException>(() =>
            {
                using ChunkReader reader = ChunkReader.Execute(connection, new SqlStatement("SELECT CAST(i AS INTEGER) FROM range(1000000000000) t(i) WHERE i < 0", []));
                while (reader.Read())
                {
                }
            });
        }
        finally
        {
            await done.CancelAsync();
            await interrupting;
        }
    }

    [Fact]
    public void AColumnIsReadAsItsOwnTypeOnly()
    {
        using DuckDBConnection connection = QueryRunner.Connect();
        using ChunkReader reader = ChunkReader.Execute(connection, new SqlStatement("SELECT 1::INTEGER, 'x'", []));

        Assert.Throws<InvalidOperationException>(() => reader.GetText(0));
        Assert.True(reader.Read());
        Assert.Throws<InvalidOperationException>(() => reader.GetText(0));
        Assert.Throws<InvalidOperationException>(() => reader.GetInt32(1));
        Assert.Equal(1, reader.GetInt32(0));
        Assert.Throws<ArgumentException>(() => ChunkReader.Execute(connection, new SqlStatement("SELECT ?", [42])));
    }

    private static List<string?[]> ReadWithDuckDbNet(DuckDBConnection connection, string statement)
    {
        using DuckDBCommand command = connection.CreateCommand();
        command.CommandText = statement;
        using DuckDBDataReader reader = command.ExecuteReader();
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))]);
        }

        return rows;
    }
}
