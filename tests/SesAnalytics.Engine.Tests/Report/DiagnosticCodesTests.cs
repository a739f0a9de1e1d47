using SesAnalytics.Engine.Report;

namespace SesAnalytics.Engine.Tests.Report;

public sealed class DiagnosticCodesTests
{
    [Theory]
    [InlineData("smtp; 550 5.1.1 user unknown", "550 5.1.1 user unknown")]
    [InlineData("smtp; 550 5.1.1 <jane.doe@example.com>: Recipient address rejected", "550 5.1.1 <address>: recipient address rejected")]
    [InlineData("smtp; 552-5.2.2 The email account that you tried to reach is over quota. 12345abc mx.example.net", "552-5.2.2 the email account that you tried to reach is over quota. # <host>")]
    [InlineData("SMTP;   421  4.7.0   Try again later", "421 4.7.0 try again later")]
    [InlineData("Amazon SES did not send the message to this address because it is on the suppression list", "amazon ses did not send the message to this address because it is on the suppression list")]
    [InlineData(null, DiagnosticCodes.None)]
    [InlineData("  ", DiagnosticCodes.None)]
    public void Normalises_what_varies_between_recipients(string? code, string expected) =>
        Assert.Equal(expected, DiagnosticCodes.Normalise(code));

    [Fact]
    public void Two_recipients_of_the_same_refusal_read_the_same() =>
        Assert.Equal(
            DiagnosticCodes.Normalise("smtp; 550 5.1.1 <a@example.com>... User unknown [id 8f3a2]"),
            DiagnosticCodes.Normalise("smtp; 550 5.1.1 <b.other@example.org>... User unknown [id 99c1]"));
}
