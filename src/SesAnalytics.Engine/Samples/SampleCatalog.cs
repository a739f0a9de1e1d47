namespace SesAnalytics.Engine.Samples;

/// <summary>The realistic values sample events are drawn from. Addresses and IPs use documentation ranges only.</summary>
internal static class SampleCatalog
{
    public const string AccountId = "123456789012";

    public const string Region = "us-east-1";

    public static readonly string[] ConfigurationSets = ["transactional", "marketing", "notifications"];

    public static readonly string[][] Subjects =
    [
        ["Your order has shipped", "Reset your password", "Your receipt", "Confirm your email address", "Your sign-in code"],
        ["Spring sale: 20% off everything", "New arrivals this week", "Your monthly newsletter", "We miss you", "Last chance: offer ends tonight"],
        ["Alert: disk usage above 90%", "Daily report", "Backup completed", "Alert: certificate expires in 14 days", "Weekly summary"],
    ];

    public static readonly string[] SenderLocalParts = ["noreply", "news", "info", "support", "billing"];

    public static readonly string[] RecipientNames =
    [
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia",
        "peggy", "rupert", "sybil", "trent", "victor", "walter", "yuki", "hiro", "sakura", "ken", "mei",
    ];

    public static readonly string[] RecipientDomains =
        ["mail.example", "inbox.example", "corp.example", "isp.example", "example.jp", "webmail.example"];

    public static readonly string[] Operations = ["SendEmail", "SendEmail", "SendEmail", "SendRawEmail", "SendBulkEmail"];

    public static readonly string[] UserAgents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
        "Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
    ];

    public static readonly string[] LinkPaths = ["/", "/orders", "/account", "/sale", "/unsubscribe-preferences", "/blog/whats-new"];

    public static readonly string[] ComplaintFeedbackTypes = ["abuse", "abuse", "abuse", "abuse", "other", "fraud", "not-spam"];

    public static readonly string[] DelayTypes =
    [
        "TransientCommunicationFailure", "MailboxFull", "RecipientServerError", "SpamDetected", "General", "InternalFailure",
        "IPFailure", "Undetermined",
    ];

    public static readonly string[] Topics = ["Newsletter", "Promotions", "ProductUpdates"];

    /// <summary>Permanent bounces first; each kind with its weight (per mille of its bounce type).</summary>
    public static readonly SampleBounceKind[] PermanentBounces =
    [
        new("Permanent", "General", "5.1.1", "smtp; 550 5.1.1 user unknown", 400, true),
        new("Permanent", "NoEmail", "5.1.1", "smtp; 550 5.1.1 The email account that you tried to reach does not exist.", 250, true),
        new("Permanent", "Suppressed", "5.1.1", "Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.", 250, false),
        new("Permanent", "OnAccountSuppressionList", "5.1.1", "Amazon SES did not send the message to this address because it is on the suppression list for your account.", 100, false),
    ];

    public static readonly SampleBounceKind[] TransientBounces =
    [
        new("Transient", "General", "4.4.7", "smtp; 421 4.4.7 Delivery expired: the remote server did not accept the message in time", 300, true),
        new("Transient", "MailboxFull", "5.2.2", "smtp; 552 5.2.2 The email account that you tried to reach is over quota.", 400, true),
        new("Transient", "MessageTooLarge", "5.3.4", "smtp; 552 5.3.4 Message size exceeds fixed maximum message size", 100, true),
        new("Transient", "ContentRejected", "5.7.1", "smtp; 554 5.7.1 Message rejected because of unacceptable content", 200, true),
    ];

    public static SampleBounceKind Pick(SampleBounceKind[] kinds, Random random)
    {
        int roll = random.Next(1000);
        foreach (SampleBounceKind kind in kinds)
        {
            if (roll < kind.PerMille)
            {
                return kind;
            }

            roll -= kind.PerMille;
        }

        return kinds[^1];
    }

    public static T Pick<T>(T[] values, Random random) => values[random.Next(values.Length)];
}
