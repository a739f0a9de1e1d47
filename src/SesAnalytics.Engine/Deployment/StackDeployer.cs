using System.Globalization;
using SesAnalytics.Engine.Aws.CloudFormation;
using SesAnalytics.Engine.Aws.CloudFormation.Model;
using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Output;
using SesAnalytics.Engine.Stack;
using SesAnalytics.Engine.Time;

namespace SesAnalytics.Engine.Deployment;

/// <summary>
/// Creates the SesAnalytics stack, or updates it through a change set; previews either without changing anything;
/// deletes it. Waiting is <see cref="StackWatcher"/>'s job; what Ctrl+C does to the operation is decided here.
/// </summary>
public sealed class StackDeployer
{
    private static readonly TimeSpan ChangeSetPoll = TimeSpan.FromSeconds(1);

    /// <summary>How long a clean-up call after Ctrl+C may take (PowerShell waits 5 s for a stopped command).</summary>
    private static readonly TimeSpan CancelUpdateTimeout = TimeSpan.FromSeconds(4);

    private readonly ICloudFormationClient _cloudFormation;
    private readonly IOutputSink _sink;
    private readonly StackCatalog _catalog;
    private readonly StackWatcher _watcher;
    private readonly PollingOptions _polling;

    public StackDeployer(ICloudFormationClient cloudFormation, string region, IOutputSink sink, PollingOptions? polling = null)
    {
        _cloudFormation = cloudFormation;
        _sink = sink;
        _polling = polling ?? PollingOptions.Default;
        _catalog = new StackCatalog(cloudFormation, region);
        _watcher = new StackWatcher(cloudFormation, sink, _polling);
    }

    public async Task<DeploymentResult> DeployAsync(StackDeployment deployment, CancellationToken cancellationToken)
    {
        TemplateOptionsValidator.Validate(OptionsOf(deployment));
        StackDescription? existing = await FindAsync(deployment.StackName, cancellationToken).ConfigureAwait(false);
        CloudFormationTemplate template = Build(deployment, existing);
        return existing is null
            ? await CreateAsync(deployment, template, cancellationToken).ConfigureAwait(false)
            : await UpdateAsync(deployment, template, existing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// What a deployment would change: creates a change set, reads it and deletes it again, so nothing else is touched.
    /// </summary>
    public async Task<IReadOnlyList<PlannedChange>> PreviewAsync(StackDeployment deployment, CancellationToken cancellationToken)
    {
        TemplateOptionsValidator.Validate(OptionsOf(deployment));
        StackDescription? existing = await FindAsync(deployment.StackName, cancellationToken).ConfigureAwait(false);
        CloudFormationTemplate template = Build(deployment, existing);
        if (existing is null)
        {
            // A CREATE change set would leave an empty stack in REVIEW_IN_PROGRESS behind even once deleted: for a new
            // stack every resource of the template is an Add, which the template itself says without asking AWS.
            return TemplateResources(template)
                .Select(r => new PlannedChange("Add", r.LogicalId, r.Type, Replacement: null))
                .ToList();
        }

        (string name, ChangeSet changeSet) = await CreateChangeSetAsync(deployment, template, ChangeSetType.Update, cancellationToken).ConfigureAwait(false);
        await _cloudFormation.DeleteChangeSetAsync(name, deployment.StackName, CancellationToken.None).ConfigureAwait(false);
        if (changeSet.HasNoChanges)
        {
            return [];
        }

        ThrowIfFailed(changeSet, deployment.StackName);
        return changeSet.Changes
            .Select(c => new PlannedChange(c.Action ?? "Modify", c.LogicalResourceId ?? "?", c.ResourceType ?? "?", c.Replacement))
            .ToList();
    }

    /// <summary>Deletes the stack and, unless told not to, waits until it is gone.</summary>
    public async Task RemoveAsync(SesAnalyticsStack stack, bool noWait, CancellationToken cancellationToken)
    {
        string stackId = stack.StackId ?? stack.StackName;
        string? baseline = await _watcher.NewestEventIdAsync(stackId, cancellationToken).ConfigureAwait(false);
        await _cloudFormation.DeleteStackAsync(stackId, cancellationToken).ConfigureAwait(false);
        if (noWait)
        {
            return;
        }

        int resources = (await _cloudFormation.DescribeStackResourcesAsync(stackId, cancellationToken).ConfigureAwait(false)).Count;
        try
        {
            await _watcher.WaitAsync(stackId, stack.StackName, baseline, resources, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A deletion cannot be cancelled.
            _sink.Warning($"Stopped waiting for the stack '{stack.StackName}'. CloudFormation carries on deleting it; run Get-SesAnalyticsStack -StackName {stack.StackName} to see where it stands.");
            throw;
        }
    }

    private async Task<DeploymentResult> CreateAsync(StackDeployment deployment, CloudFormationTemplate template, CancellationToken cancellationToken)
    {
        var request = new CreateStackRequest(deployment.StackName, template.ToJson())
        {
            Capabilities = CloudFormationTemplate.Capabilities,
            Tags = Tags(deployment),
            ClientRequestToken = "sesanalytics-" + Guid.NewGuid().ToString("N"),
        };
        string stackId;
        try
        {
            stackId = await _cloudFormation.CreateStackAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped while the request was on its way or its answer was: CloudFormation may well be creating the stack.
            WarnCreationGoesOn(deployment.StackName, requestAnswered: false);
            throw;
        }

        _sink.Verbose($"CloudFormation is creating the stack '{deployment.StackName}' ({stackId}).");
        return await FinishAsync(deployment, stackId, baselineEventId: null, ResourceCount(template), DeploymentOutcome.Created, cancellationToken).ConfigureAwait(false);
    }

    private async Task<DeploymentResult> UpdateAsync(StackDeployment deployment, CloudFormationTemplate template, StackDescription existing, CancellationToken cancellationToken)
    {
        if (existing.StackStatus == "ROLLBACK_COMPLETE")
        {
            // A stack whose creation rolled back can only be deleted; CloudFormation refuses any update of it.
            throw new SesAnalyticsException(
                "StackNeedsRecreation",
                ErrorKind.InvalidOperation,
                $"The stack '{deployment.StackName}' failed to create and was rolled back (ROLLBACK_COMPLETE); CloudFormation cannot update it. " +
                $"Delete it with Remove-SesAnalyticsStack -StackName {deployment.StackName}, then run New-SesAnalyticsStack again.",
                deployment.StackName);
        }

        string stackId = existing.StackId ?? deployment.StackName;
        (string name, ChangeSet changeSet) = await CreateChangeSetAsync(deployment, template, ChangeSetType.Update, cancellationToken).ConfigureAwait(false);
        if (changeSet.HasNoChanges)
        {
            await _cloudFormation.DeleteChangeSetAsync(name, deployment.StackName, CancellationToken.None).ConfigureAwait(false);
            _sink.Verbose($"The stack '{deployment.StackName}' is up to date: the template and tags change nothing.");
            return new DeploymentResult(DeploymentOutcome.UpToDate, _catalog.ToStack(existing));
        }

        if (changeSet.Status == "FAILED")
        {
            // Of no use, and it would stay listed on the stack.
            await _cloudFormation.DeleteChangeSetAsync(name, deployment.StackName, CancellationToken.None).ConfigureAwait(false);
            ThrowIfFailed(changeSet, deployment.StackName);
        }

        foreach (ResourceChange change in changeSet.Changes)
        {
            _sink.Verbose($"{change.Action} {change.LogicalResourceId} ({change.ResourceType}), replacement: {change.Replacement ?? "-"}");
        }

        string? baseline = await _watcher.NewestEventIdAsync(stackId, cancellationToken).ConfigureAwait(false);
        try
        {
            await _cloudFormation.ExecuteChangeSetAsync(name, deployment.StackName, cancellationToken).ConfigureAwait(false);
            return await FinishAsync(deployment, stackId, baseline, ResourceCount(template), DeploymentOutcome.Updated, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // From the moment the change set is executed the update may be running, even if the call's answer was lost.
            await CancelUpdateAsync(deployment.StackName).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<DeploymentResult> FinishAsync(
        StackDeployment deployment, string stackId, string? baselineEventId, int resourceCount, DeploymentOutcome outcome, CancellationToken cancellationToken)
    {
        if (deployment.NoWait)
        {
            StackDescription started = (await _cloudFormation.DescribeStacksAsync(stackId, cancellationToken).ConfigureAwait(false))[0];
            return new DeploymentResult(DeploymentOutcome.Started, _catalog.ToStack(started));
        }

        try
        {
            StackDescription? final = await _watcher.WaitAsync(stackId, deployment.StackName, baselineEventId, resourceCount, cancellationToken).ConfigureAwait(false);
            return new DeploymentResult(outcome, _catalog.ToStack(final!));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && outcome == DeploymentOutcome.Created)
        {
            // A creation cannot be cancelled; deleting what the user asked for would be worse than letting it finish.
            WarnCreationGoesOn(deployment.StackName, requestAnswered: true);
            throw;
        }
    }

    private void WarnCreationGoesOn(string stackName, bool requestAnswered) =>
        _sink.Warning(
            $"Stopped waiting for the stack '{stackName}'. CloudFormation carries on creating it (a creation cannot be cancelled)" +
            (requestAnswered ? "; " : ", if the request reached it before the stop; ") +
            $"run Get-SesAnalyticsStack -StackName {stackName} to see where it stands, or Remove-SesAnalyticsStack to delete it.");

    /// <summary>
    /// Ctrl+C during an update: the user wants the change stopped, not only the waiting. The call gets a few seconds of
    /// its own, since the command's token is already cancelled and PowerShell waits only briefly for a stopped command.
    /// </summary>
    private async Task CancelUpdateAsync(string stackName)
    {
        using var timeout = new CancellationTokenSource(CancelUpdateTimeout);
        try
        {
            await _cloudFormation.CancelUpdateStackAsync(stackName, timeout.Token).ConfigureAwait(false);
            _sink.Warning(
                $"Cancelled the update of the stack '{stackName}': CloudFormation rolls it back to its previous template " +
                $"(UPDATE_ROLLBACK_IN_PROGRESS, then UPDATE_ROLLBACK_COMPLETE). Run Get-SesAnalyticsStack -StackName {stackName} to follow it.");
        }
        catch (Exception error) when (error is SesAnalyticsException or OperationCanceledException)
        {
            _sink.Warning(
                $"Stopped waiting for the stack '{stackName}', but its update could not be cancelled ({error.Message}); it may have finished already. " +
                $"Run Get-SesAnalyticsStack -StackName {stackName} to see where it stands.");
        }
    }

    private async Task<(string Name, ChangeSet ChangeSet)> CreateChangeSetAsync(
        StackDeployment deployment, CloudFormationTemplate template, ChangeSetType type, CancellationToken cancellationToken)
    {
        string name = "sesanalytics-" + Clock.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var request = new CreateChangeSetRequest(deployment.StackName, name, type, template.ToJson())
        {
            Capabilities = CloudFormationTemplate.Capabilities,
            Tags = Tags(deployment),
            Description = $"SesAnalytics {StackTags.ModuleVersion}",
        };
        await _cloudFormation.CreateChangeSetAsync(request, cancellationToken).ConfigureAwait(false);
        TimeSpan delay = _polling.FirstDelay < ChangeSetPoll ? _polling.FirstDelay : ChangeSetPoll;
        try
        {
            while (true)
            {
                ChangeSet changeSet = await _cloudFormation.DescribeChangeSetAsync(name, deployment.StackName, cancellationToken).ConfigureAwait(false);
                if (changeSet.Status is "CREATE_COMPLETE" or "FAILED")
                {
                    return (name, changeSet);
                }

                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = _polling.Next(delay);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped before anything was executed: leave no change set behind on the stack.
            using var timeout = new CancellationTokenSource(CancelUpdateTimeout);
            try
            {
                await _cloudFormation.DeleteChangeSetAsync(name, deployment.StackName, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception error) when (error is SesAnalyticsException or OperationCanceledException)
            {
                _sink.Warning($"The change set '{name}' of the stack '{deployment.StackName}' could not be deleted ({error.Message}); delete it in the CloudFormation console.");
            }

            throw;
        }
    }

    private async Task<StackDescription?> FindAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            IReadOnlyList<StackDescription> stacks = await _cloudFormation.DescribeStacksAsync(stackName, cancellationToken).ConfigureAwait(false);
            return stacks.FirstOrDefault(s => s.StackStatus is not "REVIEW_IN_PROGRESS" and not StackStatuses.DeleteComplete);
        }
        catch (SesAnalyticsException error) when (error.ErrorId == "StackNotFound")
        {
            return null;
        }
    }

    private static void ThrowIfFailed(ChangeSet changeSet, string stackName)
    {
        if (changeSet.Status == "FAILED")
        {
            throw new SesAnalyticsException(
                "ChangeSetFailed",
                ErrorKind.InvalidOperation,
                $"CloudFormation could not prepare the change set '{changeSet.ChangeSetName}' for the stack '{stackName}': {changeSet.StatusReason}. " +
                "Fix the cause (often a stack in a *_FAILED state or a parameter it rejects) and run the command again.",
                stackName);
        }
    }

    /// <summary>
    /// The template for the stack: its options, for this stack's name. A stack that exists keeps its Glue database unless
    /// -DatabaseName names another: renaming the database would make CloudFormation replace it, and the tables in it.
    /// That is what keeps a stack deployed when the default was one fixed name (sesanalytics) on that name.
    /// </summary>
    private CloudFormationTemplate Build(StackDeployment deployment, StackDescription? existing)
    {
        TemplateOptions options = OptionsOf(deployment);
        if (options.DatabaseName is null && existing is not null && _catalog.ToStack(existing).GlueDatabase is { Length: > 0 } database)
        {
            if (database != options.ResolvedDatabaseName)
            {
                _sink.Verbose($"The stack '{deployment.StackName}' keeps its Glue database '{database}' (its GlueDatabase output); -DatabaseName would choose another, replacing the database and its tables.");
            }

            options = options with { DatabaseName = database };
        }

        return TemplateBuilder.Build(options);
    }

    private static TemplateOptions OptionsOf(StackDeployment deployment) => deployment.Options with { StackName = deployment.StackName };

    private static int ResourceCount(CloudFormationTemplate template) => TemplateResources(template).Count();

    private static IEnumerable<(string LogicalId, string Type)> TemplateResources(CloudFormationTemplate template) =>
        template.Body.TryGetValue("Resources", out object? resources) && resources is CfnMap map
            ? map.Select(r => (r.Key, r.Value is CfnMap resource && resource.TryGetValue("Type", out object? type) ? type.ToString() ?? "?" : "?"))
            : [];

    private static List<StackTag> Tags(StackDeployment deployment) =>
    [
        .. deployment.Options.Tags.Where(t => t.Key != StackTags.ManagedBy && t.Key != StackTags.Version).Select(t => new StackTag(t.Key, t.Value)),
        new StackTag(StackTags.ManagedBy, StackTags.ManagedByValue),
        new StackTag(StackTags.Version, StackTags.ModuleVersion),
    ];
}
