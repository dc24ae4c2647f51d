using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class QuoteBalanceTests
{
    [Theory]
    [InlineData("他說：“你好", '”', 0)]
    [InlineData("他說：“你好", '」', QuoteBalance.MismatchPenalty)]
    [InlineData("他說：「你好", '」', 0)]
    [InlineData("他說：「你好", '”', QuoteBalance.MismatchPenalty)]
    [InlineData("他說你好", '”', QuoteBalance.Penalty)]
    [InlineData("他說：“你好", '“', QuoteBalance.Penalty)]
    [InlineData("他說：“你好”", '「', 0)]
    public void Score_ClosingMark_MustMatchTheOpeningOne(string before, char next, double expected)
    {
        Assert.Equal(expected, QuoteBalance.Score(QuoteBalance.Depth(before), next));
    }

    [Fact]
    public void Score_AfterAnInnerQuoteCloses_EitherClosingMarkEndsTheOuterOne()
    {
        // The mark of the outer quote is not kept once an inner one has closed: only the count is.
        var state = QuoteBalance.Depth("「他說『好』");

        Assert.True(QuoteBalance.IsOpen(state));
        Assert.Equal(0, QuoteBalance.Score(state, '」'));
        Assert.Equal(0, QuoteBalance.Score(state, '”'));
        Assert.False(QuoteBalance.IsOpen(QuoteBalance.Next(state, '」')));
    }

    [Fact]
    public void Score_ClosingWithTheOtherStylesMark_CostsMoreThanAnyOtherImbalance()
    {
        // A page that writes 「」 writes "。」" often; a quote opened with “ is still closed by ”.
        Assert.True(QuoteBalance.MismatchPenalty < QuoteBalance.Penalty);
        Assert.True(QuoteBalance.MismatchPenalty < QuoteBalance.Penalty + QuoteBalance.UnclosedPenalty);
    }

    [Fact]
    public void KeyOf_TellsOpenMarksApart_AndIgnoresDepth()
    {
        Assert.NotEqual(QuoteBalance.KeyOf(QuoteBalance.Depth("“")), QuoteBalance.KeyOf(QuoteBalance.Depth("「")));
        Assert.Equal(QuoteBalance.KeyOf(QuoteBalance.Depth("“")), QuoteBalance.KeyOf(QuoteBalance.Depth("「『』“")));
        Assert.Equal(0, QuoteBalance.KeyOf(QuoteBalance.Depth("“”")));
    }

    [Theory]
    [InlineData("“十名", "。", QuoteBalance.UnclosedPenalty)]
    [InlineData("“十名", "。他說”", 0)]
    [InlineData("“十名”", "。", 0)]
    [InlineData("“十名", "?笆", 0)]
    [InlineData("前十名", "。", 0)]
    public void Unclosed_AQuoteNothingAfterItCanClose_IsPenalised(string reading, string after, double expected)
    {
        // A '?' after the reading may be a lost byte that hides the closing mark: no penalty then.
        Assert.Equal(expected, QuoteBalance.Unclosed(reading, after));
    }

    [Fact]
    public void Score_OpeningMarkWithNothingToCloseIt_CostsLessThanAMismatch()
    {
        Assert.Equal(QuoteBalance.UnclosedPenalty, QuoteBalance.Score(0, '“', closable: false));
        Assert.Equal(0, QuoteBalance.Score(0, '“', closable: true));
        Assert.Equal(0, QuoteBalance.Score(0, '前', closable: false));
        Assert.True(QuoteBalance.UnclosedPenalty > QuoteBalance.Penalty);
    }

    [Fact]
    public void Score_QuoteOpenAtTheEndOfTheText_FavoursTheMarkThatClosesIt()
    {
        // "的計劃。" and a character lost at the end of the text, with a quote open: nothing after can close it, so a
        // second 。 leaves it open, and ” closes it.
        var state = QuoteBalance.Depth("發言人回應稱：“目前沒有任何調整的計劃。");

        Assert.Equal(0, QuoteBalance.Score(state, '”', closable: false));
        Assert.Equal(QuoteBalance.UnclosedPenalty, QuoteBalance.Score(state, '。', closable: false));
        Assert.Equal(0, QuoteBalance.Score(state, '。', closable: true));
        Assert.Equal(0, QuoteBalance.Score(QuoteBalance.Depth("他說"), '。', closable: false));
    }
}
