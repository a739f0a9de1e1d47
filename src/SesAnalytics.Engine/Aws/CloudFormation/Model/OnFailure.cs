namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>What CloudFormation does when creating a stack fails; the wire names are DO_NOTHING, ROLLBACK and DELETE.</summary>
public enum OnFailure
{
    DoNothing,
    Rollback,
    Delete,
}
