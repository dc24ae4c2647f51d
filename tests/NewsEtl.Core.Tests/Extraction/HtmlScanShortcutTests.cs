using AngleSharp.Html.Parser;
using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>Shortcuts the extractor takes over the page text and tree, checked against the whole-text form they replace.</summary>
public sealed class HtmlScanShortcutTests
{
    [Theory]
    [InlineData("<html><body></body></html>")]
    [InlineData("<html><body>  \n\t<div> <p>\u3000</p></div><!-- 註釋 --></body></html>")]
    [InlineData("<html><body><div><p> </p></div><div><span>x</span></div></body></html>")]
    [InlineData("<html><body><div><div><div></div></div></div>正文</body></html>")]
    [InlineData("<html><body><script>var a = 1;</script></body></html>")]
    [InlineData("<html><body><ul><li></li><li><b><i> </i></b></li></ul><p>尾</p></body></html>")]
    public void HasText_Bodies_AgreesWithTheirTextContent(string html)
    {
        var body = new HtmlParser().ParseDocument(html).Body!;

        Assert.Equal(!string.IsNullOrWhiteSpace(body.TextContent), HtmlText.HasText(body));
    }

    [Fact]
    public void HasText_FixturePages_AgreesWithTheirTextContent()
    {
        foreach (var name in new[] { "generic-news.html", "jiemian-2021-no-body.html", "jiemian-2021-staff.html", "jiemian-404.html", "jiemian-tag.html" })
        {
            var body = new HtmlParser().ParseDocument(HtmlTestPages.FixtureText(name)).Body!;
            Assert.Equal(!string.IsNullOrWhiteSpace(body.TextContent), HtmlText.HasText(body));
        }
    }

    [Fact]
    public void ContainsFromEnd_TagAtAnyPosition_AgreesWithContains()
    {
        var filler = new string('字', 9000);
        foreach (var at in new[] { 0, 1, 100, 4090, 4093, 4095, 4096, 4100, 8000, 9000 })
        {
            foreach (var tag in new[] { "</html>", "</HTML>", "</htm" })
            {
                var text = filler.Insert(Math.Min(at, filler.Length), tag);
                Assert.Equal(text.Contains("</html", StringComparison.OrdinalIgnoreCase), PageContext.ContainsFromEnd(text, "</html"));
            }
        }

        Assert.False(PageContext.ContainsFromEnd("</ht", "</html"));
        Assert.True(PageContext.ContainsFromEnd("</html", "</html"));
    }

    [Fact]
    public void Extract_PaywallClassSpelledWithCharacterReference_IsStillFlagged()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-reprint.html")
            .Replace("class=\"vip-mask\"", "class=\"pay&#119;all-mask\"", StringComparison.Ordinal);

        Assert.Equal(["paywalled"], HtmlTestPages.Extract(html).Article!.Flags);
    }

    [Fact]
    public void Extract_PageWithoutPaywallOrCanonicalWords_HasNoFlagAndFallsBackToOgUrl()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-reprint.html")
            .Replace("<div class=\"vip-mask\"><p>开通会员，阅读全文</p></div>", string.Empty, StringComparison.Ordinal);

        var article = HtmlTestPages.Extract(html).Article!;
        Assert.Empty(article.Flags);
        Assert.Equal("https://www.jiemian.com/article/7234567.html", article.Url);
    }

    [Fact]
    public void Extract_CanonicalRelSpelledWithCharacterReference_IsStillRead()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-staff.html")
            .Replace("rel=\"canonical\"", "rel=\"&#99;anonical\"", StringComparison.Ordinal)
            .Replace("<meta property=\"og:url\" content=\"https://www.jiemian.com/article/6123456.html\">", string.Empty, StringComparison.Ordinal);

        Assert.Equal("https://www.jiemian.com/article/6123456.html", HtmlTestPages.Extract(html).Article!.Url);
    }
}
