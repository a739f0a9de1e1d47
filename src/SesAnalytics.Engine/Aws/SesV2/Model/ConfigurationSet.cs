namespace SesAnalytics.Engine.Aws.SesV2.Model;

/// <summary>A configuration set: the input of CreateConfigurationSet and the answer of GetConfigurationSet.</summary>
public sealed record ConfigurationSet(string ConfigurationSetName)
{
    public SendingOptions? SendingOptions { get; init; }

    public IReadOnlyList<ConfigurationSetTag>? Tags { get; init; }
}
