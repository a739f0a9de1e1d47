namespace SesAnalytics;

/// <summary>
/// What one Add-SesSuppressedAddress run did: addresses newly suppressed, suppressed before for another reason and now
/// for this one, suppressed already for this reason (left as they were), failed, and skipped (-WhatIf, or No at -Confirm).
/// </summary>
public sealed record SuppressionSummary(int Added, int Updated, int AlreadySuppressed, int Failed, int Skipped)
{
    public override string ToString() =>
        $"{Added} added, {Updated} updated, {AlreadySuppressed} already suppressed, {Failed} failed, {Skipped} skipped";
}
