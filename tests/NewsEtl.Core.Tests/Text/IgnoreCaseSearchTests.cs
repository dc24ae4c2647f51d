using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Text;

public sealed class IgnoreCaseSearchTests
{
    [Theory]
    [InlineData("<link rel=\"Canonical\" href=\"x\">", "canonical", true)]
    [InlineData("<META property=\"OG:URL\">", "og:url", true)]
    [InlineData("界面新闻 <p>正文</p></HTML>", "</html", true)]
    [InlineData("界面新闻 <p>正文</p></HTM", "</html", false)]
    [InlineData("data-article-publish-tim", "data-article-publish-time", false)]
    [InlineData("", "vip", false)]
    [InlineData("anything", "", true)]
    public void Contains_AsciiWordInAnyCase_IsFound(string text, string word, bool expected) =>
        Assert.Equal(expected, IgnoreCaseSearch.Contains(text, word));

    [Fact]
    public void Contains_LongPage_AgreesWithTheOrdinalIgnoreCaseComparison()
    {
        // A word at every position of a long Chinese page, in changing case, and words that are only almost there.
        var page = string.Concat(Enumerable.Repeat("界面新闻，正文。<div class=\"x\">", 4000));
        var random = new Random(3);
        foreach (var word in new[] { "paywall", "Sticky", "og:url", "vip-mask" })
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var at = random.Next(page.Length);
                var cased = new string(word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : c).ToArray());
                var text = trial % 2 == 0 ? page.Insert(at, cased) : page.Insert(at, cased[..^1]);
                Assert.Equal(text.Contains(word, StringComparison.OrdinalIgnoreCase), IgnoreCaseSearch.Contains(text, word));
            }
        }
    }
}
