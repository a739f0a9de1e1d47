namespace SesAnalytics.Engine.Aws.Athena.Model;

// The wire shapes of one operation live together: they only make sense as a set.
public sealed record StartQueryExecutionRequest(string QueryString)
{
    /// <summary>32 to 128 characters; the client fills a new one when absent, which makes the call safe to retry.</summary>
    public string? ClientRequestToken { get; init; }

    public QueryExecutionContext? QueryExecutionContext { get; init; }

    public ResultConfiguration? ResultConfiguration { get; init; }

    public string? WorkGroup { get; init; }

    /// <summary>Values for the query's <c>?</c> placeholders, in order.</summary>
    public IReadOnlyList<string>? ExecutionParameters { get; init; }
}

public sealed record StartQueryExecutionResponse(string QueryExecutionId);

public sealed record QueryExecutionContext
{
    public string? Database { get; init; }

    public string? Catalog { get; init; }
}

public sealed record ResultConfiguration
{
    public string? OutputLocation { get; init; }

    public EncryptionConfiguration? EncryptionConfiguration { get; init; }

    public string? ExpectedBucketOwner { get; init; }
}

public sealed record EncryptionConfiguration(string EncryptionOption)
{
    public string? KmsKey { get; init; }
}
