namespace SesAnalytics.Engine.Aws.SesV2.Model;

public sealed record SendingOptions(bool SendingEnabled);
