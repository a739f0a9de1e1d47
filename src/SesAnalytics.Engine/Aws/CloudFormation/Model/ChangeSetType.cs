namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>Whether a change set creates a new stack or updates an existing one (wire names CREATE, UPDATE).</summary>
public enum ChangeSetType
{
    Create,
    Update,
}
