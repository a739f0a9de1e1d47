using SesAnalytics.Engine.Query.Grouping;

namespace SesAnalytics.Engine.Query.Engagement;

/// <summary>The order groups are written in.</summary>
internal static class GroupText
{
    /// <summary>Groups by their values in key order, ordinal, a missing value after every present one.</summary>
    public static int Compare(GroupValues x, GroupValues y)
    {
        for (int i = 0; i < x.Values.Count; i++)
        {
            int order = (x.Values[i], y.Values[i]) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } a, { } b) => string.CompareOrdinal(a, b),
            };
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }
}
