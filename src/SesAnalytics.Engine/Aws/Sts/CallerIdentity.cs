namespace SesAnalytics.Engine.Aws.Sts;

/// <summary>Who the credentials belong to: the account, the principal's ARN and its unique id.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
