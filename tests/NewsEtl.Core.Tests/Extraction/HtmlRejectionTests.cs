using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>Pages that hold no article come back as a reason, never as a record.</summary>
public sealed class HtmlRejectionTests
{
    [Fact]
    public void Extract_404Page_RejectsAsErrorPage()
    {
        var result = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-404.html"), "https://www.jiemian.com/article/9999999.html");

        Assert.Null(result.Article);
        Assert.Equal("not an article: error page", result.RejectReason);
    }

    [Fact]
    public void Extract_OtherSiteNotFoundPage_RejectsAsErrorPage()
    {
        const string Html = "<html><head><title>页面未找到</title></head><body><h1>页面未找到</h1><p>请检查网址是否正确。</p></body></html>";

        Assert.Equal("not an article: error page", HtmlTestPages.Extract(Html).RejectReason);
    }

    [Fact]
    public void Extract_ArticleWhoseHeadlineSaysSomethingWasTakenOffline_IsStillAnArticle()
    {
        var html = HtmlTestPages.FixtureText("generic-news.html")
            .Replace("江城老街改造完成 三百家老店重新开张", "江城一款停车小程序已下线", StringComparison.Ordinal);

        var article = HtmlTestPages.Extract(html).Article;

        Assert.NotNull(article);
        Assert.Equal("江城一款停车小程序已下线", article.Title);
    }

    [Fact]
    public void Extract_TagPage_RejectsAsTagPage()
    {
        var result = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-tag.html"), "https://www.jiemian.com/tags/1001/1.html");

        Assert.Equal("not an article: tag page", result.RejectReason);
    }

    [Fact]
    public void Extract_PageCutOffBeforeBody_RejectsAsNoArticleBody()
    {
        var result = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-no-body.html"));

        Assert.Equal("no article body", result.RejectReason);
    }

    [Fact]
    public void Extract_ArticleTemplateWithEmptyBody_RejectsAsNoArticleBody()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-reprint.html");
        var start = html.IndexOf("<div class=\"article-content\">", StringComparison.Ordinal);
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        var emptied = html[..start] + "<div class=\"article-content\"><p>&nbsp;</p><p>本文为转载内容，授权事宜请联系原著作权人。</p>" + html[end..];

        Assert.Equal("no article body", HtmlTestPages.Extract(emptied).RejectReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t ")]
    [InlineData("<html><head><title></title></head><body>  <div></div> </body></html>")]
    public void Extract_EmptyPage_RejectsAsEmpty(string html)
    {
        Assert.Equal("empty page", HtmlTestPages.Extract(html).RejectReason);
    }

    [Fact]
    public void Extract_BinaryLookingText_RejectsAsNotText()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        var text = string.Concat(bytes.Select(b => b < 0x80 ? (char)b : '\uFFFD'));

        Assert.Equal("not text: binary-looking content", HtmlTestPages.Extract(text).RejectReason);
    }

    [Fact]
    public void Extract_TextFormatPage_ThrowsBecauseTheDispatcherRoutesThoseElsewhere()
    {
        var html = HtmlTestPages.FromHtml("<p>x</p>");
        var text = html with { Format = PageFormat.Text };

        Assert.Throws<ArgumentException>(() => HtmlTestPages.Extract(text));
    }
}
