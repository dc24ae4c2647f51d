namespace NewsEtl.Core.Tests.Extraction;

/// <summary>Pages of other sites go to the content-density fallback instead of coming back empty.</summary>
public sealed class HtmlGenericExtractorTests
{
    [Fact]
    public void Extract_OtherSiteArticle_UsesGenericExtractorAndFindsTheBody()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("generic-news.html"), "https://news.example.cn/city/2021/0618/1.html").Article!;

        Assert.Equal("generic", article.Extractor);
        Assert.Equal("江城老街改造完成 三百家老店重新开张", article.Title);
        Assert.Equal(new DateTimeOffset(2021, 6, 18, 9, 30, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Equal("https://news.example.cn/city/2021/0618/1.html", article.Url);
        Assert.Equal(5, article.Paragraphs.Count);
        Assert.StartsWith("历时两年的江城老街改造工程", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("下一步", article.Paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_OtherSiteArticle_LeavesCommentsRelatedAndSidebarOut()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("generic-news.html")).Article!;

        string[] outside = ["网友评论", "小时候经常去老街", "相关新闻", "口袋公园", "热门排行", "地铁三号线", "版权所有", "分享到", "首页"];
        Assert.DoesNotContain(article.Paragraphs, p => outside.Any(o => p.Contains(o, StringComparison.Ordinal)));
    }

    [Fact]
    public void Extract_OtherSiteArticle_ReadsEditorLineAndMetaAuthor()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("generic-news.html")).Article!;

        Assert.Equal("陈静", article.Editor);
        Assert.Equal(["李明"], article.Authors);
        Assert.Equal("江城晚报", article.Outlet);
    }

    [Fact]
    public void Extract_OtherSiteLinkList_RejectsAsNoContent()
    {
        var items = string.Concat(Enumerable.Range(1, 12).Select(i => $"<li><a href=\"/a/{i}.html\">第{i}条新闻的标题写得很长，用来模拟一个列表页面</a></li>"));
        var html = $"<html><head><title>城市新闻 - 江城晚报</title></head><body><ul class=\"news\">{items}</ul></body></html>";

        Assert.Equal("no article content found", HtmlTestPages.Extract(html).RejectReason);
    }

    [Fact]
    public void Extract_OtherSitePageWithOneShortParagraph_RejectsAsNoContent()
    {
        const string Html = "<html><head><title>通知</title></head><body><div class=\"content\"><p>本站将于今晚进行系统维护，敬请谅解。</p></div></body></html>";

        Assert.Equal("no article content found", HtmlTestPages.Extract(Html).RejectReason);
    }
}
