using System.Globalization;

namespace SesAnalytics.Engine.Samples;

/// <summary>Who sends the sample mail of one identity: its address, configuration set, kind of mail and application.</summary>
internal sealed record SampleSender(
    string Identity,
    string Source,
    string FromAddress,
    string FromDomain,
    int Kind,
    string ConfigurationSet,
    string SourceIp,
    string CallerIdentity)
{
    private static readonly string[] Callers = ["app-mailer", "campaign-service", "monitoring"];

    public string SourceArn { get; } = $"arn:aws:ses:{SampleCatalog.Region}:{SampleCatalog.AccountId}:identity/{Identity}";

    public static SampleSender For(string identity, int index)
    {
        int kind = index % SampleCatalog.ConfigurationSets.Length;
        string sourceIp = "203.0.113." + (10 + (index % 200)).ToString(CultureInfo.InvariantCulture);
        int at = identity.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            return new SampleSender(identity, identity, identity, identity[(at + 1)..], kind, SampleCatalog.ConfigurationSets[kind], sourceIp, Callers[kind]);
        }

        string address = SampleCatalog.SenderLocalParts[index % SampleCatalog.SenderLocalParts.Length] + "@" + identity;
        string[] labels = identity.Split('.');
        string label = labels.Length >= 2 ? labels[^2] : labels[0];
        string display = label.Length > 0 ? char.ToUpperInvariant(label[0]) + label[1..] : identity;
        return new SampleSender(identity, $"{display} <{address}>", address, identity, kind, SampleCatalog.ConfigurationSets[kind], sourceIp, Callers[kind]);
    }
}
