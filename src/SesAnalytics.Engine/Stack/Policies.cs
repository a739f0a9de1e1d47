namespace SesAnalytics.Engine.Stack;

internal static class Policies
{
    public const string Version = "2012-10-17";

    public static CfnMap Document(params CfnMap[] statements) => new()
    {
        { "Version", Version },
        { "Statement", statements.Cast<object>().ToList() },
    };

    public static CfnMap Allow(string sid, IEnumerable<string> actions, object resource, CfnMap? condition = null)
    {
        var statement = new CfnMap
        {
            { "Sid", sid },
            { "Effect", "Allow" },
            { "Action", actions.Cast<object>().ToList() },
            { "Resource", resource },
        };
        statement.AddIfPresent("Condition", condition);
        return statement;
    }

    public static CfnMap TrustService(string service, CfnMap condition) => Document(new CfnMap
    {
        { "Effect", "Allow" },
        { "Principal", new CfnMap { { "Service", service } } },
        { "Action", "sts:AssumeRole" },
        { "Condition", condition },
    });

    public static CfnMap Inline(string name, CfnMap document) => new() { { "PolicyName", name }, { "PolicyDocument", document } };
}
