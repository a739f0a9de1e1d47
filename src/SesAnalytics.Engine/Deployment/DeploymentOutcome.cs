namespace SesAnalytics.Engine.Deployment;

/// <summary>How a deployment ended: created, updated, already up to date, or started without waiting.</summary>
public enum DeploymentOutcome
{
    Created,
    Updated,
    UpToDate,
    Started,
}
