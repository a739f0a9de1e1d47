namespace SesAnalytics.Engine.Aws.SesV2.Model;

public sealed record ConfigurationSetTag(string Key, string Value);
