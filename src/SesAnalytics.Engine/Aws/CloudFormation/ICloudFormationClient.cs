using SesAnalytics.Engine.Aws.CloudFormation.Model;

namespace SesAnalytics.Engine.Aws.CloudFormation;

/// <summary>The AWS CloudFormation operations SesAnalytics uses; an official client can stand behind it one day.</summary>
public interface ICloudFormationClient
{
    Task<TemplateValidation> ValidateTemplateAsync(string templateBody, CancellationToken cancellationToken);

    /// <summary>Starts creating the stack and returns its id.</summary>
    Task<string> CreateStackAsync(CreateStackRequest request, CancellationToken cancellationToken);

    /// <summary>Starts the update; an update that changes nothing is a <see cref="StackUpdate.NoChanges"/> result, not an error.</summary>
    Task<StackUpdate> UpdateStackAsync(UpdateStackRequest request, CancellationToken cancellationToken);

    Task<ChangeSetCreated> CreateChangeSetAsync(CreateChangeSetRequest request, CancellationToken cancellationToken);

    /// <summary>The change set with every page of its changes.</summary>
    Task<ChangeSet> DescribeChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken);

    Task ExecuteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken);

    /// <summary>Deletes the change set; one that no longer exists counts as deleted (DeleteChangeSet has no client token).</summary>
    Task DeleteChangeSetAsync(string changeSetName, string? stackName, CancellationToken cancellationToken);

    /// <summary>Every stack (all pages), or the one named; a stack that does not exist is a StackNotFound error.</summary>
    Task<IReadOnlyList<StackDescription>> DescribeStacksAsync(string? stackName, CancellationToken cancellationToken);

    /// <summary>Every event of the stack over all pages, newest first as CloudFormation returns them.</summary>
    IAsyncEnumerable<StackEvent> DescribeStackEventsAsync(string stackName, CancellationToken cancellationToken);

    Task<IReadOnlyList<StackResource>> DescribeStackResourcesAsync(string stackName, CancellationToken cancellationToken);

    Task DeleteStackAsync(string stackName, CancellationToken cancellationToken);

    /// <summary>Asks CloudFormation to stop an update in progress and roll the stack back to its previous template.</summary>
    Task CancelUpdateStackAsync(string stackName, CancellationToken cancellationToken);
}
