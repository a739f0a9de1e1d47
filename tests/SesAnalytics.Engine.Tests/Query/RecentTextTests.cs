using System.Text;
using SesAnalytics.Engine.Query;

namespace SesAnalytics.Engine.Tests.Query;

public sealed class RecentTextTests
{
    [Fact]
    public void ValuesThatComeBackAmongOthersAreTheSameStrings()
    {
        var recent = new RecentText();
        string[] codes = [.. Enumerable.Range(0, RecentText.Capacity).Select(i => $"smtp; 550 5.1.{i} é")];
        var first = codes.Select(c => recent.Of(Bytes(c))).ToArray();

        for (int round = 0; round < 50; round++)
        {
            foreach (int i in new[] { 3, 0, 15, 3, 7, 1 })
            {
                string text = recent.Of(Bytes(codes[i]));
                Assert.Equal(codes[i], text);
                Assert.Same(first[i], text);
            }
        }

        Assert.Equal(RecentText.Capacity, recent.Width);
    }

    [Fact]
    public void ValuesOfEqualLengthThatDifferAndTheEmptyValueAreTheirOwn()
    {
        var recent = new RecentText();
        Assert.Equal("abc", recent.Of(Bytes("abc")));
        Assert.Equal("abd", recent.Of(Bytes("abd")));
        Assert.Equal(string.Empty, recent.Of([]));
        Assert.Equal("abc", recent.Of(Bytes("abc")));
        Assert.Equal(string.Empty, recent.Of([]));
    }

    [Fact]
    public void TheOldestValueMakesWayAndIsReadAgainWhenItComesBack()
    {
        var recent = new RecentText();
        string oldest = recent.Of(Bytes("value-0"));
        for (int i = 1; i <= RecentText.Capacity; i++)
        {
            recent.Of(Bytes("value-" + i));
        }

        string again = recent.Of(Bytes("value-0"));
        Assert.Equal("value-0", again);
        Assert.NotSame(oldest, again);
    }

    [Fact]
    public void AColumnThatSeldomRepeatsComparesWithItsLastValueAloneAfterTheTrial()
    {
        var recent = new RecentText();
        for (int i = 0; i < RecentText.Trial; i++)
        {
            Assert.Equal($"0100018c-{i:D8}-message", recent.Of(Bytes($"0100018c-{i:D8}-message")));
        }

        Assert.Equal(1, recent.Width);
        string last = recent.Of(Bytes("a long value, longer than the 64 bytes a slot starts with, to make it grow"));
        Assert.Same(last, recent.Of(Bytes("a long value, longer than the 64 bytes a slot starts with, to make it grow")));
        Assert.Equal("next", recent.Of(Bytes("next")));
        Assert.Equal("0100018c-00000001-message", recent.Of(Bytes("0100018c-00000001-message")));
    }

    [Fact]
    public void AColumnThatRepeatsEnoughKeepsItsWidth()
    {
        var recent = new RecentText();
        for (int i = 0; i < RecentText.Trial; i++)
        {
            recent.Of(Bytes(i % 3 == 0 ? $"unique-{i}" : "Permanent"));
        }

        Assert.Equal(RecentText.Capacity, recent.Width);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
