using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Engine.Tests.Query.Athena;

public sealed class AthenaValuesTests
{
    [Fact]
    public void Values_are_typed_by_the_column_type()
    {
        Assert.Equal("text", AthenaValues.Convert("text", "varchar"));
        Assert.Equal(42, AthenaValues.Convert("42", "integer"));
        Assert.Equal(42L, AthenaValues.Convert("42", "bigint"));
        Assert.Equal(0.25, AthenaValues.Convert("0.25", "double"));
        Assert.Equal(true, AthenaValues.Convert("true", "boolean"));
        Assert.Equal(12.50m, AthenaValues.Convert("12.50", "decimal(10,2)"));
        Assert.Equal(new DateTime(2024, 3, 8), AthenaValues.Convert("2024-03-08", "date"));
        Assert.Equal(new DateTime(2024, 3, 8, 17, 14, 29, 713), AthenaValues.Convert("2024-03-08 17:14:29.713", "timestamp"));
        Assert.Equal(new DateTimeOffset(2024, 3, 8, 17, 14, 29, 713, TimeSpan.Zero), AthenaValues.Convert("2024-03-08 17:14:29.713 UTC", "timestamp with time zone"));
        Assert.Equal("[a, b]", AthenaValues.Convert("[a, b]", "array"));
        Assert.Equal("{k=v}", AthenaValues.Convert("{k=v}", "map"));
        Assert.Equal("{x=1}", AthenaValues.Convert("{x=1}", "row"));
    }

    [Fact]
    public void Null_stays_null_and_a_value_that_does_not_parse_stays_text()
    {
        Assert.Null(AthenaValues.Convert(null, "bigint"));
        Assert.Equal("n/a", AthenaValues.Convert("n/a", "bigint"));
    }
}
