namespace SesAnalytics.Engine.Samples;

/// <summary>One sample message: what every event of it shares (the <c>mail</c> object).</summary>
internal sealed class SampleMessage
{
    public required SampleSender Sender { get; init; }

    public required string MessageId { get; init; }

    public required DateTimeOffset Sent { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Operation { get; init; }

    public required string TlsVersion { get; init; }

    public required string OutgoingIp { get; init; }

    public required string ReportingMta { get; init; }

    public required string Boundary { get; init; }

    public required bool TagsIdentity { get; init; }

    /// <summary>The rendered <c>mail</c> object, before and after SES handed the mail to the receiving server.</summary>
    public string? MailJson { get; set; }

    public string? MailJsonAfterSending { get; set; }
}
