namespace SesAnalytics.Engine.Partitioning.Jq;

public enum JqResultKind
{
    Value,
    Empty,
    Error,
}
