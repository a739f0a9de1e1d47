namespace SesAnalytics.Engine.Stack;

/// <summary>
/// CloudFormation intrinsic functions in their long form (<c>Fn::Sub</c>, <c>Fn::GetAtt</c>, <c>Ref</c> maps), so the
/// YAML text needs no custom tags and reads the same as the JSON.
/// </summary>
public static class Fn
{
    public const string Partition = "AWS::Partition";
    public const string Region = "AWS::Region";
    public const string AccountId = "AWS::AccountId";
    public const string StackName = "AWS::StackName";
    public const string UrlSuffix = "AWS::URLSuffix";

    public static CfnMap Ref(string logicalIdOrPseudoParameter) => new() { { "Ref", logicalIdOrPseudoParameter } };

    public static CfnMap GetAtt(string logicalId, string attribute) => new() { { "Fn::GetAtt", new List<object> { logicalId, attribute } } };

    /// <summary><c>${Name}</c> is substituted; <c>${!Name}</c> stays as the literal <c>${Name}</c>.</summary>
    public static CfnMap Sub(string text) => new() { { "Fn::Sub", text } };

    /// <summary>Escapes text for <see cref="Sub"/> so that a literal <c>${name}</c> (Athena's template) survives.</summary>
    public static string SubLiteral(string name) => "${!" + name + "}";
}
