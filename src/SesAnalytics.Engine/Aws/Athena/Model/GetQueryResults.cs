namespace SesAnalytics.Engine.Aws.Athena.Model;

public sealed record GetQueryResultsRequest(string QueryExecutionId)
{
    public string? NextToken { get; init; }

    /// <summary>1 to 1000.</summary>
    public int? MaxResults { get; init; }
}

public sealed record GetQueryResultsResponse
{
    public long? UpdateCount { get; init; }

    public ResultSet? ResultSet { get; init; }

    public string? NextToken { get; init; }
}

public sealed record ResultSet
{
    public IReadOnlyList<Row> Rows { get; init; } = [];

    public ResultSetMetadata? ResultSetMetadata { get; init; }
}

public sealed record Row
{
    public IReadOnlyList<Datum> Data { get; init; } = [];
}

/// <summary>One cell; <see cref="VarCharValue"/> is null for SQL NULL.</summary>
public sealed record Datum
{
    public string? VarCharValue { get; init; }
}

public sealed record ResultSetMetadata
{
    public IReadOnlyList<ColumnInfo> ColumnInfo { get; init; } = [];
}

public sealed record ColumnInfo
{
    public string Name { get; init; } = string.Empty;

    public string Type { get; init; } = string.Empty;

    public string? Label { get; init; }

    public int? Precision { get; init; }

    public int? Scale { get; init; }

    /// <summary>NOT_NULL, NULLABLE or UNKNOWN.</summary>
    public string? Nullable { get; init; }
}
