using System.Globalization;

namespace SesAnalytics.Engine.Query.Athena;

/// <summary>
/// What a query costs by Athena's pricing: USD 5 per TB scanned, rounded up to the megabyte, 10 MB at least per query
/// (binary units). An estimate: the bill, not this, is authoritative, and prices differ in a few regions.
/// </summary>
public sealed record AthenaQueryCost(string QueryExecutionId, long DataScannedInBytes, long BilledBytes, decimal EstimatedUsd)
{
    public const decimal UsdPerTerabyte = 5m;
    public const long Megabyte = 1L << 20;
    public const long MinimumBilledBytes = 10 * Megabyte;
    public const long Terabyte = 1L << 40;

    public static AthenaQueryCost Estimate(string queryExecutionId, long dataScannedInBytes)
    {
        long megabytes = (Math.Max(dataScannedInBytes, 0) + Megabyte - 1) / Megabyte;
        long billed = Math.Max(megabytes * Megabyte, MinimumBilledBytes);
        return new AthenaQueryCost(queryExecutionId, dataScannedInBytes, billed, billed * UsdPerTerabyte / Terabyte);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Athena query {QueryExecutionId} scanned {Size(DataScannedInBytes)}, billed as {Size(BilledBytes)}: about USD {EstimatedUsd:0.######}.");

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < Megabyte => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)Megabyte:0.#} MB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.##} GB"),
    };
}
