using SesAnalytics.Engine.Query.Athena;

namespace SesAnalytics.Engine.Query.Grouping;

/// <summary>
/// The SQL of <see cref="GroupSql"/>, normalised as far as SQL can the way <see cref="GroupValues.Normalize"/> does
/// (domains trimmed and lower-cased, blank values NULL) in both engines alike. Statements then group on values that
/// are already the final groups, which matters for what cannot be summed after the fact: distinct counts and
/// percentiles. Only an internationalised domain written both as <c>xn--</c> and in Unicode is left to C# to fold.
/// </summary>
internal static class NormalizedGroupSql
{
    /// <summary>A recipient domain column that holds <c>''</c> for an address without one, as the key's value.</summary>
    public static string DomainKey(string domainColumn) => $"nullif({domainColumn}, '')";

    /// <summary>The normalised domain of an address expression, <c>''</c> when it has none (DuckDB).</summary>
    public static string DuckDbDomain(string address, SqlParameters parameters) =>
        $"coalesce(nullif(lower(rtrim(trim({GroupSql.DuckDb(GroupKey.RecipientDomain, address, "NULL", parameters)}), '.')), ''), '')";

    /// <summary>The normalised domain of an address expression, <c>''</c> when it has none (Athena).</summary>
    public static string AthenaDomain(string address, AthenaParameters parameters) =>
        $"coalesce(nullif(lower(rtrim(trim({GroupSql.Athena(GroupKey.RecipientDomain, address, parameters)}), '.')), ''), '')";

    /// <summary>
    /// The key's value for one row (DuckDB); <paramref name="domainColumn"/> holds the recipient's normalised domain
    /// where the grouping is by recipient domain.
    /// </summary>
    public static string DuckDb(GroupKey key, string domainColumn, string identity, SqlParameters parameters) =>
        key.Dimension == GroupDimension.RecipientDomain
            ? DomainKey(domainColumn)
            : key.Dimension == GroupDimension.FromDomain
                ? NormalizeDomain(GroupSql.DuckDb(key, domainColumn, identity, parameters))
                : $"list_filter([{GroupSql.DuckDb(key, domainColumn, identity, parameters)}], v -> trim(v) <> '')[1]";

    /// <inheritdoc cref="DuckDb"/>
    public static string Athena(GroupKey key, string domainColumn, AthenaParameters parameters) =>
        key.Dimension == GroupDimension.RecipientDomain
            ? DomainKey(domainColumn)
            : key.Dimension == GroupDimension.FromDomain
                ? NormalizeDomain(GroupSql.Athena(key, domainColumn, parameters))
                : $"element_at(filter(ARRAY[{GroupSql.Athena(key, domainColumn, parameters)}], v -> trim(v) <> ''), 1)";

    /// <summary>Each value is named once in the SQL: every Athena placeholder is a value of its own.</summary>
    private static string NormalizeDomain(string value) => $"nullif(lower(rtrim(trim({value}), '.')), '')";
}
