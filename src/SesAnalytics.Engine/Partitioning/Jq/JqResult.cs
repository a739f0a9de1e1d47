namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>
/// What a supported query yields for one input: one value, nothing (an optional <c>?</c> swallowed an error), or jq's
/// runtime error. Without <c>,</c> or iteration the subset never yields more than one value.
/// </summary>
public readonly record struct JqResult(JqResultKind Kind, JqValue Value, string? Error)
{
    public static JqResult Empty => new(JqResultKind.Empty, default, null);

    public static JqResult Of(JqValue value) => new(JqResultKind.Value, value, null);

    public static JqResult Fail(string error) => new(JqResultKind.Error, default, error);
}
