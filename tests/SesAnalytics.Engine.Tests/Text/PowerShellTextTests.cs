using SesAnalytics.Engine.Text;
using Xunit;

namespace SesAnalytics.Engine.Tests.Text;

public sealed class PowerShellTextTests
{
    [Theory]
    [InlineData("/data/ses-store", "'/data/ses-store'")]
    [InlineData("/data/it's a store", "'/data/it''s a store'")]
    [InlineData("C:\\stores\\$env:x [1]", "'C:\\stores\\$env:x [1]'")]
    public void QuotesForPowerShellSingleQuotedStrings(string text, string expected) =>
        Assert.Equal(expected, PowerShellText.Quoted(text));
}
