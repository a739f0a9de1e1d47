namespace SesAnalytics.Engine.Partitioning.Jq;

/// <summary>jq's value kinds; the lower-case names are what jq's error messages say.</summary>
public enum JqKind
{
    Null,
    False,
    True,
    Number,
    String,
    Array,
    Object,
}
