using System.Net;
using System.Security;

namespace SesAnalytics.Fakes.Stack;

/// <summary>
/// CloudFormation's DescribeStacks (awsQuery XML) for a fake that also answers CloudFormation on its endpoint: one
/// stack, with the outputs a test sets. Given a name, any other name gets the ValidationError CloudFormation returns
/// for a stack that does not exist; without one, every name asked for is this stack.
/// </summary>
public sealed class StackFake(string? stackName, IDictionary<string, string> outputs)
{
    private const string Namespace = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    public string? StackName { get; } = stackName;

    /// <summary>The stack's outputs by key; remove one to play a stack that is not complete.</summary>
    public IDictionary<string, string> Outputs { get; } = outputs;

    /// <summary>Whether a request body is a CloudFormation call (form-encoded, unlike the JSON and REST services).</summary>
    public static bool IsCloudFormation(string? contentType) =>
        (contentType ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal);

    /// <summary>The status and XML body of the answer to a form-encoded DescribeStacks request.</summary>
    public (int Status, string Body) Answer(string formBody)
    {
        Dictionary<string, string> form = formBody.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty, StringComparer.Ordinal);
        if (form.GetValueOrDefault("Action") != "DescribeStacks")
        {
            return (400, Error("InvalidAction", $"This fake answers DescribeStacks only, not {form.GetValueOrDefault("Action")}."));
        }

        string name = form.GetValueOrDefault("StackName") ?? StackName ?? "ses-analytics";
        if (StackName is not null && name != StackName)
        {
            return (400, Error("ValidationError", $"Stack with id {name} does not exist"));
        }

        string outputs = string.Concat(Outputs.Select(o =>
            $"<member><OutputKey>{SecurityElement.Escape(o.Key)}</OutputKey><OutputValue>{SecurityElement.Escape(o.Value)}</OutputValue></member>"));
        return (200,
            $"<DescribeStacksResponse xmlns=\"{Namespace}\"><DescribeStacksResult><Stacks><member>" +
            $"<StackId>arn:aws:cloudformation:us-east-1:123456789012:stack/{name}/1</StackId><StackName>{name}</StackName>" +
            $"<StackStatus>CREATE_COMPLETE</StackStatus><CreationTime>2026-01-31T08:30:00Z</CreationTime><Outputs>{outputs}</Outputs>" +
            "<Tags/></member></Stacks></DescribeStacksResult><ResponseMetadata><RequestId>rid-stack</RequestId></ResponseMetadata></DescribeStacksResponse>");
    }

    private static string Error(string code, string message) =>
        $"<ErrorResponse xmlns=\"{Namespace}\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message></Error>" +
        "<RequestId>rid-stack</RequestId></ErrorResponse>";
}
