namespace SesAnalytics;

/// <summary>The <c>send</c> object, which SES always writes empty: the event itself is the news.</summary>
public sealed record SendInfo
{
    public override string ToString() => "accepted";
}
