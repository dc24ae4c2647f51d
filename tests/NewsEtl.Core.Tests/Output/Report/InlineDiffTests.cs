using NewsEtl.Output.Report;

namespace NewsEtl.Core.Tests.Output.Report;

public sealed class InlineDiffTests
{
    [Theory]
    [InlineData("??", "?", "?", "?", "", "")]
    [InlineData("(yīng)", "", "", "(yīng)", "", "")]
    [InlineData("說??了", "說。”了", "說", "??", "。”", "了")]
    [InlineData("same", "same", "same", "", "", "")]
    public void Of_SplitsIntoSharedContextAndTheChange(string before, string after, string prefix, string removed, string added, string suffix)
    {
        Assert.Equal(new InlineDiff(prefix, removed, added, suffix), InlineDiff.Of(before, after));
    }

    [Fact]
    public void Of_NeverSplitsASurrogatePair()
    {
        // U+20000 and U+20001 share their high surrogate; the shared prefix must stop before it.
        var diff = InlineDiff.Of("a\U00020000b", "a\U00020001b");

        Assert.Equal("a", diff.Prefix);
        Assert.Equal("\U00020000", diff.Removed);
        Assert.Equal("\U00020001", diff.Added);
        Assert.Equal("b", diff.Suffix);
    }

    [Fact]
    public void ClipHeadTail_CutLongTextWithoutSplittingSurrogates()
    {
        var text = "ab\U00020000cd";

        Assert.Equal(("ab", 4), InlineDiff.Clip(text, 3));
        Assert.Equal("ab…", InlineDiff.Head(text, 3));
        Assert.Equal("…cd", InlineDiff.Tail(text, 3));
        Assert.Equal(text, InlineDiff.Head(text, 10));
    }
}
