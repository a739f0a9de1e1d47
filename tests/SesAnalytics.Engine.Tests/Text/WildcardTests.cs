using SesAnalytics.Engine.Errors;
using SesAnalytics.Engine.Text;

namespace SesAnalytics.Engine.Tests.Text;

/// <summary>Each case is what PowerShell 7's <c>-like</c> (WildcardPattern, IgnoreCase) answers; the Pester suite compares the commands with -like itself.</summary>
public sealed class WildcardTests
{
    [Theory]
    [InlineData("b", "[!a]", false)]
    [InlineData("!", "[!a]", true)]
    [InlineData("b", "[^a]", false)]
    [InlineData("^", "[^a]", true)]
    [InlineData("]", "[]]", true)]
    [InlineData("a", "[]a]", true)]
    [InlineData("-", "[a-]", true)]
    [InlineData("x", "[a-]", false)]
    [InlineData("-", "[-a]", true)]
    [InlineData("b", "[a`-c]", false)]
    [InlineData("-", "[a`-c]", true)]
    [InlineData("]", "[`]]", true)]
    [InlineData("\\", "[\\]", true)]
    [InlineData("B", "[a-c]", true)]
    [InlineData("_", "[A-z]", true)]
    [InlineData("[b", "[[]b", true)]
    [InlineData("*", "[*]", true)]
    [InlineData("x", "[*]", false)]
    [InlineData("a`", "a`", true)]
    [InlineData("a", "a`", false)]
    [InlineData("", "`", true)]
    [InlineData("`", "`", false)]
    [InlineData("a\nb", "a?b", true)]
    [InlineData("x.y", "x.y", true)]
    [InlineData("xzy", "x.y", false)]
    [InlineData("ä", "[Ä]", true)]
    public void MatchesAsPowerShellDoes(string value, string pattern, bool expected)
    {
        Assert.Equal(expected, new Wildcard(pattern).IsMatch(value));
    }

    [Theory]
    [InlineData("[ab")]
    [InlineData("a[")]
    [InlineData("[]")]
    [InlineData("[c-a]")]
    public void RefusesWhatPowerShellRefuses(string pattern)
    {
        InvalidInputException error = Assert.Throws<InvalidInputException>(() => new Wildcard(pattern));
        Assert.Equal("InvalidWildcardPattern", error.ErrorId);
        Assert.Equal(pattern, error.Target);
    }

    [Theory]
    [InlineData("[ab]*", "(?is)^[ab].*$")]
    [InlineData("x`[1`]@*.net", "(?is)^x\\[1\\]@.*\\.net$")]
    [InlineData("[a-c&^]?", "(?is)^[a-c\\&\\^].$")]
    [InlineData("o'b_%", "(?is)^o'b_%$")]
    public void RendersOneRegexForRe2AndTrino(string pattern, string regex)
    {
        Assert.Equal(regex, new Wildcard(pattern).ToSqlRegex());
    }

    [Theory]
    [InlineData("*@example.net", "%@example.net")]
    [InlineData("o'brien_?", "o'brien\\__")]
    [InlineData("a`*%", "a*\\%")]
    public void RendersLikeWithoutSets(string pattern, string like)
    {
        Assert.False(new Wildcard(pattern).HasSets);
        Assert.Equal(like, new Wildcard(pattern).ToSqlLike());
    }
}
