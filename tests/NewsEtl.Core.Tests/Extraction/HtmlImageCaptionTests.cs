using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>Body images go to Images with their captions; captions and photo credits never stay in the text.</summary>
public sealed class HtmlImageCaptionTests
{
    private const string Prose = "<p>这是一段足够长的正文，用来保证页面被当作一篇文章来处理，里面有逗号，也有句号。</p>";

    [Fact]
    public void Extract_CreditParagraphAfterImage_BecomesItsCaption()
    {
        var article = Extract("<p><img src=\"//img1.jiemian.com/a.jpg\"></p><p>图片来源：视觉中国</p>" + Prose);

        Assert.Equal([new ArticleImage("https://img1.jiemian.com/a.jpg", "图片来源：视觉中国")], article.Images);
        Assert.Single(article.Paragraphs);
    }

    [Theory]
    [InlineData("圖片來源：視覺中國")] // a traditional page
    [InlineData("圖片來源:視覺中國")] // and its colon folded
    public void Extract_CreditInTraditionalScript_BecomesTheCaptionToo(string credit)
    {
        var article = Extract($"<p><img src=\"//img1.jiemian.com/a.jpg\"></p><p>{credit}</p>" + Prose);

        Assert.Equal(credit, article.Images.Single().Caption);
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public void Extract_FigureWithFigcaption_UsesFigcaptionAndLazySource()
    {
        var article = Extract("<figure><img src=\"/blank.gif\" data-original=\"https://img2.jiemian.com/b.jpg\"><figcaption>夜里的码头</figcaption></figure>" + Prose);

        Assert.Equal([new ArticleImage("https://img2.jiemian.com/b.jpg", "夜里的码头")], article.Images);
        Assert.DoesNotContain("夜里的码头", article.Paragraphs);
    }

    [Fact]
    public void Extract_CaptionMarkedByClass_BecomesCaptionEvenWithoutCreditWords()
    {
        var article = Extract("<p><img src=\"https://img.jiemian.com/c.jpg\"></p><p class=\"img-caption\">工人在检修设备</p>" + Prose);

        Assert.Equal("工人在检修设备", article.Images.Single().Caption);
        Assert.DoesNotContain("工人在检修设备", article.Paragraphs);
    }

    [Fact]
    public void Extract_PhotoCreditAwayFromImage_LeavesTheBody()
    {
        var article = Extract("<p><img src=\"https://img.jiemian.com/d.jpg\"></p>" + Prose + "<p>图片来源：东方IC</p>" + Prose);

        Assert.Equal("图片来源：东方IC", article.Images.Single().Caption);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("图片来源", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_OrdinaryParagraphAfterImage_StaysBodyText()
    {
        var article = Extract("<p><img src=\"https://img.jiemian.com/e.jpg\"></p>" + Prose + Prose);

        Assert.Null(article.Images.Single().Caption);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Extract_ReportViewCopyOfLeadImage_IsNotABodyImage()
    {
        var article = Extract("<p class=\"report-view\"><img src=\"//img.jiemian.com/lead.jpg\"></p>" + Prose);

        Assert.Empty(article.Images);
    }

    [Fact]
    public void Extract_2021StaffArticle_CapturesBothBodyImagesWithCaptions()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        Assert.Equal(
            [
                new ArticleImage("https://img1.jiemian.com/101/original/20210812/162874350022223300.jpg", "图片来源：界面新闻 王晓"),
                new ArticleImage("https://img2.jiemian.com/101/original/20210812/162874350033334400.jpg", "夜间的充电站使用率更高"),
            ],
            article.Images);
    }

    [Fact]
    public void Extract_2019LeadImageWithEmptyCaption_HasNullCaption()
    {
        const string Html = "<html><head><title>标题|界面新闻</title></head><body><div class=\"article-view\"><div class=\"article-header\"><h1>标题</h1></div>"
            + "<div class=\"article-main\"><div class=\"article-img\"><img src=\"//img1.jiemian.com/lead_a580x330.jpg\" alt=\"\"/><p ><span></span></p></div>"
            + "<div class=\"article-content\">" + Prose + "</div></div></div></body></html>";

        var article = HtmlTestPages.Extract(Html).Article!;

        Assert.Equal(new ArticleImage("https://img1.jiemian.com/lead_a580x330.jpg", null), article.LeadImage);
    }

    private static ExtractedArticle Extract(string body)
    {
        var html = "<html><head><title>图片测试|界面新闻</title></head><body><div class=\"article-view\"><div class=\"article-header\"><h1>图片测试</h1></div>"
            + "<div class=\"article-content\">" + body + "</div></div></body></html>";
        return HtmlTestPages.Extract(html, "https://www.jiemian.com/article/1.html").Article!;
    }
}
