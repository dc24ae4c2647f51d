namespace NewsEtl.Core.Tests.Extraction;

/// <summary>
/// The "truncated" flag: the page lacks &lt;/html&gt; and the parse ended inside the body container, so the body
/// may be incomplete. A page cut later (in the comments or footer) keeps a whole body and is not flagged.
/// </summary>
public sealed class HtmlTruncationTests
{
    [Fact]
    public void Extract_PageCutOffMidBody_FlagsTruncatedAndKeepsTheText()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-truncated.html")).Article!;

        Assert.Equal(["truncated"], article.Flags);
        Assert.Equal(["周航"], article.Authors);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.EndsWith("要让它们协同作业，还需要", article.Paragraphs[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_PageCutOffAfterBody_IsNotFlagged()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-staff.html");
        var cut = html[..html.IndexOf("<div class=\"comment-view\"", StringComparison.Ordinal)];

        var article = HtmlTestPages.Extract(cut).Article!;

        Assert.Empty(article.Flags);
        Assert.Equal(7, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_Real2019PageCutOffMidBody_FlagsTruncated()
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var page = HtmlTestPages.SharedPage(folder, "article-3103116.html");
        var cut = page.Text[..page.Text.IndexOf("已经全部质押", StringComparison.Ordinal)];

        var article = HtmlTestPages.Extract(HtmlTestPages.FromHtml(cut, page.Input.Url)).Article!;

        Assert.Equal(["truncated"], article.Flags);
        Assert.Equal(7, article.Paragraphs.Count);
        Assert.Equal("截止公告日，王悦直接持有恺英网络21.44%的股份，", article.Paragraphs[^1]);
    }

    [Fact]
    public void Extract_GenericPageCutOffMidBody_FlagsTruncated()
    {
        var html = HtmlTestPages.FixtureText("generic-news.html");
        var cut = html[..html.IndexOf("<p>下一步", StringComparison.Ordinal)];

        var article = HtmlTestPages.Extract(cut).Article!;

        Assert.Equal("generic", article.Extractor);
        Assert.Equal(["truncated"], article.Flags);
    }
}
