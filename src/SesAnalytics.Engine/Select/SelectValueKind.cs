namespace SesAnalytics.Engine.Select;

/// <summary>The kinds of value S3 Select works with on JSON input. Missing is an absent attribute, distinct from JSON null.</summary>
internal enum SelectValueKind
{
    Missing,
    Null,
    Boolean,
    Number,
    String,
    Timestamp,
    Container,
}
