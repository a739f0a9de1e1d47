using SesAnalytics.Engine.Query.Failures;

namespace SesAnalytics.Engine.Tests.Query.Failures;

public sealed class DiagnosticCodeTests
{
    private const string Gmail = "550 5.1.1 the email account that you tried to reach does not exist. please try double-checking the recipient's email address for typos or unnecessary spaces. learn more at https://support.google.com/mail/?p=nosuchuser gsmtp";

    [Theory]
    // SES's mailbox simulator and the sendmail style of the documentation.
    [InlineData("smtp; 550 5.1.1 user unknown", "550 5.1.1 user unknown")]
    [InlineData("smtp;550 5.1.1 user unknown", "550 5.1.1 user unknown")]
    [InlineData("SMTP; 550 5.1.1 User Unknown", "550 5.1.1 user unknown")]
    [InlineData("smtp; 550 5.1.1 <bob@example.com>... User unknown", "550 5.1.1 user unknown")]
    [InlineData("smtp; 550 5.1.1 <alice@example.org>... User unknown", "550 5.1.1 user unknown")]
    [InlineData("550 5.1.1 user unknown", "550 5.1.1 user unknown")]
    // Gmail: a multi-line answer, each line led by its codes, ending in a queue id.
    [InlineData("smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. Learn more at 550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 41be03b00d2f7-5dc3b6a2f5csi2149123a12.123 - gsmtp", Gmail)]
    [InlineData("smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550-5.1.1 unnecessary spaces. Learn more at\r\n550 5.1.1  https://support.google.com/mail/?p=NoSuchUser d75a77b69052e-4a0f9e1c2b1si123456cf.99 - gsmtp", Gmail)]
    [InlineData("smtp; 552-5.2.2 The recipient's inbox is out of storage space. Please direct the recipient to 552 5.2.2  https://support.google.com/mail/?p=OverQuotaTemp a1si2b3c4d5e.6 - gsmtp", "552 5.2.2 the recipient's inbox is out of storage space. please direct the recipient to https://support.google.com/mail/?p=overquotatemp gsmtp")]
    // Outlook.com / Hotmail and Microsoft 365.
    [InlineData("smtp; 550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [BN8NAM12FT064.eop-nam12.prod.protection.outlook.com 2024-03-08T17:14:29.123Z 08DC3F2A1B2C3D4E]", "550 5.5.0 requested action not taken: mailbox unavailable")]
    [InlineData("smtp; 550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [DM6NAM10FT011.eop-nam10.prod.protection.outlook.com 2024-03-09T01:02:03.456Z 08DC3F2A1B2C9999]", "550 5.5.0 requested action not taken: mailbox unavailable")]
    [InlineData("smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient bob@contoso.com not found by SMTP address lookup", "550 5.1.10 resolver.adr.recipientnotfound; recipient not found by smtp address lookup")]
    [InlineData("smtp; 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient carol@fabrikam.com not found by SMTP address lookup", "550 5.1.10 resolver.adr.recipientnotfound; recipient not found by smtp address lookup")]
    // Yahoo: the address in parentheses, a counter in brackets and the answering host.
    [InlineData("smtp; 554 delivery error: dd This user doesn't have a yahoo.com account (bob@yahoo.com) [0] - mta1234.mail.gq1.yahoo.com", "554 delivery error: dd this user doesn't have a yahoo.com account")]
    [InlineData("smtp; 554 delivery error: dd This user doesn't have a yahoo.com account (eve@yahoo.com) [-1] - mta4567.mail.bf1.yahoo.com", "554 delivery error: dd this user doesn't have a yahoo.com account")]
    [InlineData("smtp; 421 4.7.0 [TSS04] Messages from 192.0.2.10 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes", "421 4.7.0 messages from temporarily deferred due to unexpected volume or user complaints see https://postmaster.yahooinc.com/error-codes")]
    // Postfix, its local delivery agent, and Exim.
    [InlineData("smtp; 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in local recipient table", "550 5.1.1 recipient address rejected: user unknown in local recipient table")]
    [InlineData("smtp; 550 5.1.1 <dave@example.net>: Recipient address rejected: User unknown in local recipient table", "550 5.1.1 recipient address rejected: user unknown in local recipient table")]
    [InlineData("smtp; 552 5.2.2 <bob@example.net>: Recipient address rejected: Mailbox full", "552 5.2.2 recipient address rejected: mailbox full")]
    [InlineData("x-postfix; unknown user: \"bob\"", "unknown user")]
    [InlineData("X-Postfix; unknown user: \"alice\"", "unknown user")]
    [InlineData("smtp; 550-Verification failed for <bob@example.com> 550-Unrouteable address 550 Sender verify failed", "550 verification failed for unrouteable address sender verify failed")]
    [InlineData("smtp; 550 Unrouteable address", "550 unrouteable address")]
    // Delays.
    [InlineData("smtp; 421 4.4.1 Unable to connect to remote host", "421 4.4.1 unable to connect to remote host")]
    [InlineData("smtp; 452 4.2.2 mailbox full", "452 4.2.2 mailbox full")]
    // No code at all, or only a status.
    [InlineData("5.1.1 bad destination mailbox address", "5.1.1 bad destination mailbox address")]
    [InlineData("Timeout while connecting to mx.example.net (192.0.2.1)", "timeout while connecting to mx.example.net")]
    public void Normalizes_real_answers(string code, string expected) => Assert.Equal(expected, DiagnosticCode.Normalize(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("smtp;")]
    public void Has_no_text_for_an_empty_answer(string? code) => Assert.Null(DiagnosticCode.Normalize(code));

    [Theory]
    [InlineData("smtp; 550 5.1.1 user unknown", "5.1.1")]
    [InlineData("smtp; 550-5.1.1 The email account", "5.1.1")]
    [InlineData("5.2.2 mailbox full", "5.2.2")]
    [InlineData("smtp; 550 Unrouteable address", null)]
    [InlineData(null, null)]
    public void Reads_the_enhanced_status(string? code, string? expected) => Assert.Equal(expected, DiagnosticCode.Status(code));

    [Fact]
    public void Groups_the_variants_of_one_failure_together()
    {
        string[] variants =
        [
            "smtp; 550 5.1.1 <user@x.com>... User unknown",
            "smtp;550 5.1.1 user unknown",
            "SMTP; 550 5.1.1   User   unknown.",
            "550 5.1.1 <other@y.org>... user unknown",
        ];

        Assert.Single(variants.Select(DiagnosticCode.Normalize).Distinct());
    }
}
