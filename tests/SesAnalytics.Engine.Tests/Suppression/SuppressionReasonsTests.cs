using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Suppression;

namespace SesAnalytics.Engine.Tests.Suppression;

public sealed class SuppressionReasonsTests
{
    [Theory]
    [InlineData("BOUNCE", "BOUNCE")]
    [InlineData("bounce", "BOUNCE")]
    [InlineData("Permanent", "BOUNCE")]
    [InlineData("Transient", "BOUNCE")]
    [InlineData("Undetermined", "BOUNCE")]
    [InlineData("Complaint", "COMPLAINT")]
    [InlineData(" COMPLAINT ", "COMPLAINT")]
    [InlineData("Delivery", null)]
    [InlineData("Send", null)]
    public void A_piped_or_typed_value_names_its_reason(string value, string? reason) =>
        Assert.Equal(reason, SuppressionReasons.FromValue(value));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_pacer_needs_a_positive_rate(double rate) =>
        Assert.Equal("RequestRateOutOfRange", Assert.Throws<InvalidInputException>(() => new RequestPacer(rate)).ErrorId);

    [Fact]
    public async Task The_first_call_goes_at_once()
    {
        var pacer = new RequestPacer(0.001);

        Task first = pacer.WaitAsync(default);

        Assert.True(first.IsCompleted);
        Assert.Equal(TimeSpan.FromSeconds(1000), pacer.Interval);
        await first;
    }
}
