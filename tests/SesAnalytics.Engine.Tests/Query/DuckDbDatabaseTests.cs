using DuckDB.NET.Data;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class DuckDbDatabaseTests
{
    [Fact]
    public void ConnectionsAfterAnEarlyOpenShareTheDatabaseAndItsSettings()
    {
        var database = new DuckDbDatabase("SET threads = 1");

        database.OpenInBackground();
        database.OpenInBackground();
        using DuckDBConnection first = database.Connect();
        database.OpenInBackground();
        using DuckDBConnection second = database.Connect();

        using (DuckDBCommand create = first.CreateCommand())
        {
            create.CommandText = "CREATE TEMP TABLE t AS SELECT 1 AS x; CREATE TABLE shared AS SELECT 42 AS answer";
            create.ExecuteNonQuery();
        }

        using DuckDBCommand read = second.CreateCommand();
        read.CommandText = "SELECT answer, current_setting('threads') FROM shared";
        using DuckDBDataReader reader = read.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(42, reader.GetInt32(0));
        Assert.Equal(1L, Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFailedEarlyOpenIsThrownByTheConnectThatNeedsTheDatabase()
    {
        var database = new DuckDbDatabase("SET no_such_setting = 1");

        database.OpenInBackground();

        Assert.ThrowsAny<DuckDBException>(() => database.Connect());
        Assert.ThrowsAny<DuckDBException>(() => database.Connect());
    }
}
