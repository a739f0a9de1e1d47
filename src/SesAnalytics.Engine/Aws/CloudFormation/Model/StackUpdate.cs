namespace SesAnalytics.Engine.Aws.CloudFormation.Model;

/// <summary>
/// The outcome of UpdateStack. CloudFormation answers an update that changes nothing with a ValidationError
/// ("No updates are to be performed"); that is success for us, so it comes back as <see cref="NoChanges"/>.
/// </summary>
public sealed record StackUpdate(string StackName, string? StackId, bool NoChanges);
