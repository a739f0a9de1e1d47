using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query.Breakdowns;

public sealed class ReputationThresholdsTests
{
    [Theory]
    // Too few for either rate: LowVolume, however high the rates.
    [InlineData(199, 100, 50, ReputationStatus.LowVolume)]
    // Bounces judged, complaints not: a bad bounce rate shows, a good one cannot vouch for complaints.
    [InlineData(200, 20, 0, ReputationStatus.AtRisk)]
    [InlineData(200, 10, 0, ReputationStatus.Warning)]
    [InlineData(200, 9, 0, ReputationStatus.LowVolume)]
    [InlineData(999, 0, 5, ReputationStatus.LowVolume)]
    // Both judged.
    [InlineData(1000, 0, 0, ReputationStatus.Healthy)]
    [InlineData(1000, 0, 1, ReputationStatus.Warning)]
    [InlineData(1000, 0, 5, ReputationStatus.AtRisk)]
    [InlineData(1000, 50, 1, ReputationStatus.Warning)]
    [InlineData(1000, 100, 1, ReputationStatus.AtRisk)]
    [InlineData(0, 0, 0, ReputationStatus.NoSends)]
    public void RatesAreJudgedOnlyFromTheirMinimumVolume(long sent, long bounced, long complained, ReputationStatus expected)
    {
        double? bounceRate = sent == 0 ? null : (double)bounced / sent;
        double? complaintRate = sent == 0 ? null : (double)complained / sent;

        Assert.Equal(expected, ReputationThresholds.Default.Judge(sent, bounceRate, complaintRate));
    }

    [Fact]
    public void MinimumsAreSettable()
    {
        var strict = new ReputationThresholds(MinimumBounceVolume: 10, MinimumComplaintVolume: 10);

        Assert.Equal(ReputationStatus.AtRisk, strict.Judge(10, 0.3, 0));
        Assert.Equal(ReputationStatus.Healthy, strict.Judge(10, 0, 0));
        Assert.Equal(ReputationStatus.LowVolume, strict.Judge(9, 0.3, 0));
        Assert.Equal(ReputationStatus.Healthy, new ReputationThresholds(0, 0).Judge(1, 0, 0));
    }
}
