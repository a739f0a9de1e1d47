namespace SesAnalytics.Engine.Events;

/// <summary>The names of the tags SES adds to every message it publishes events for (<c>mail.tags</c>).</summary>
public static class SesTags
{
    public const string SenderIdentity = "ses:sender-identity";

    public const string ConfigurationSet = "ses:configuration-set";

    public const string SourceIp = "ses:source-ip";

    public const string FromDomain = "ses:from-domain";

    public const string CallerIdentity = "ses:caller-identity";

    public const string OutgoingIp = "ses:outgoing-ip";

    public const string Operation = "ses:operation";

    public const string SourceTlsVersion = "ses:source-tls-version";
}
