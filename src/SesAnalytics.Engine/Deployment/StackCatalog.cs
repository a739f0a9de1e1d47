using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Stack;

namespace SesAnalytics.Engine.Deployment;

/// <summary>Reads SesAnalytics stacks: one by name, or every stack that carries our managed-by tag.</summary>
public sealed class StackCatalog
{
    private readonly ICloudFormationClient _cloudFormation;
    private readonly string _region;

    public StackCatalog(ICloudFormationClient cloudFormation, string region)
    {
        _cloudFormation = cloudFormation;
        _region = region;
    }

    /// <summary>The named stack; a missing one is a StackNotFound error.</summary>
    public async Task<SesAnalyticsStack> GetAsync(string stackName, CancellationToken cancellationToken)
    {
        IReadOnlyList<StackDescription> stacks = await _cloudFormation.DescribeStacksAsync(stackName, cancellationToken).ConfigureAwait(false);
        return ToStack(stacks[0]);
    }

    public async Task<IReadOnlyList<SesAnalyticsStack>> ListManagedAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<StackDescription> stacks = await _cloudFormation.DescribeStacksAsync(null, cancellationToken).ConfigureAwait(false);
        return stacks
            .Where(s => s.Tags.Any(t => t.Key == StackTags.ManagedBy && t.Value == StackTags.ManagedByValue))
            .Select(ToStack)
            .ToList();
    }

    public SesAnalyticsStack ToStack(StackDescription stack)
    {
        string? Output(string name) => stack.Outputs.FirstOrDefault(o => o.OutputKey == name)?.OutputValue;
        return new SesAnalyticsStack(
            stack.StackName,
            stack.StackId,
            stack.StackStatus,
            stack.StackStatusReason,
            _region,
            stack.CreationTime.UtcDateTime,
            stack.LastUpdatedTime?.UtcDateTime,
            Output(StackOutputs.BucketName),
            Output(StackOutputs.DeliveryStreamName),
            Output(StackOutputs.DeliveryStreamArn),
            Output(StackOutputs.DeliveryRoleArn),
            Output(StackOutputs.SesRoleArn),
            Output(StackOutputs.GlueDatabase),
            Output(StackOutputs.GlueTable),
            Output(StackOutputs.GlueLinesTable),
            Output(StackOutputs.WorkGroup),
            stack.Tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal));
    }
}
