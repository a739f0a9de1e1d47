namespace SesAnalytics.Engine.Deployment;

public sealed record DeploymentResult(DeploymentOutcome Outcome, SesAnalyticsStack Stack);
