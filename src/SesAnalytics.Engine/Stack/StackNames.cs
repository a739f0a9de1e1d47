using System.Text.RegularExpressions;

namespace SesAnalytics.Engine.Stack;

/// <summary>
/// The names a stack gives what must be unique in the account and region beyond the stack itself. The delivery stream,
/// its log group and the work group take the stack's name as it is (Fn::Sub of AWS::StackName); the Glue database cannot,
/// since Glue and Athena want lower-case letters, digits and underscores, so its default is derived here.
/// </summary>
public static partial class StackNames
{
    /// <summary>The name of the template parameter that holds the database name when the template is built without a stack name.</summary>
    public const string DatabaseNameParameter = "DatabaseName";

    /// <summary>What CloudFormation accepts as a stack name: a letter, then up to 127 letters, digits and hyphens.</summary>
    public static bool IsValidStackName(string name) => StackName().IsMatch(name);

    /// <summary>The default Glue database of the stack <paramref name="stackName"/>: its name in lower case with hyphens as underscores (ses-analytics → ses_analytics).</summary>
    public static string DatabaseName(string stackName) => stackName.ToLowerInvariant().Replace('-', '_');

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackName();
}
