using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class BracketBalanceTests
{
    [Theory]
    [InlineData("TSMC)董事長", true)]
    [InlineData("尤其是在普通用戶眼中）", true)]
    [InlineData("後投入老屋保存工作", false)]
    [InlineData("聯(lián)合發佈", false)] // a converter's note opens and closes its own
    [InlineData("聯(lián)合)發佈", true)]
    [InlineData("積電\n(TSMC)", false)] // the next line is another paragraph
    public void CanClose_TextAfterALostCharacter_ClosesABracketOnlyWithACloserNothingInItOpened(string after, bool expected)
    {
        Assert.Equal(expected, BracketBalance.CanClose(after));
    }

    [Fact]
    public void CanClose_CloserFartherThanAnAsideRuns_IsNotLookedFor()
    {
        // The text after each lost character of a long run is read again for every one: the look ahead is bounded.
        Assert.True(BracketBalance.CanClose(new string('字', BracketBalance.MaxReach - 1) + ")"));
        Assert.False(BracketBalance.CanClose(new string('字', BracketBalance.MaxReach) + ")"));
    }

    [Fact]
    public void Score_OpeningBracketNothingCloses_CostsWhatAnUnclosedQuoteDoes()
    {
        Assert.Equal(QuoteBalance.UnclosedPenalty, BracketBalance.Score('（', closable: false));
        Assert.Equal(QuoteBalance.UnclosedPenalty, BracketBalance.Score('(', closable: false));
        Assert.Equal(0, BracketBalance.Score('（', closable: true));
        Assert.Equal(0, BracketBalance.Score('台', closable: false));
    }

    [Fact]
    public void Unclosed_ReadingThatClosesWhatItOpens_CostsNothing()
    {
        Assert.Equal(0, BracketBalance.Unclosed("（台）", "後投入"));
        Assert.Equal(QuoteBalance.UnclosedPenalty, BracketBalance.Unclosed("（後", "投入老屋"));
        Assert.Equal(0, BracketBalance.Unclosed("（後", "投入)老屋"));
    }
}
