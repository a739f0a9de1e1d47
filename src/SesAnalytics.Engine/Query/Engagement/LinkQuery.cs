using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The most clicked links of each group over a range of days.</summary>
public sealed record LinkQuery
{
    public const int DefaultTop = 10;

    public LinkQuery(IReadOnlyList<string> identities, DayRange days, GroupBy groupBy, int top)
    {
        if (top < 1)
        {
            throw new InvalidInputException("InvalidTop", $"-Top must be at least 1; {top} was given.", top);
        }

        Identities = identities;
        Days = days;
        GroupBy = groupBy;
        Top = top;
    }

    public IReadOnlyList<string> Identities { get; }

    public DayRange Days { get; }

    public GroupBy GroupBy { get; }

    /// <summary>How many links each group keeps.</summary>
    public int Top { get; }
}
