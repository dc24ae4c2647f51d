using System.Globalization;
using NewsEtl.Extraction;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>
/// The eight real 2019 article pages in shared/jiemian-2019. Expected values were read off each page by eye
/// (h1, lede, .article-info, .main-mate, .article-img, and the blocks of .article-content); they are facts about those pages.
/// </summary>
public sealed class HtmlRealArticlePagesTests
{
    /// <summary>The expected fields, kept in Expected/jiemian-2019-articles.json (also read by the extraction benchmark).</summary>
    public static IEnumerable<object?[]> Pages()
    {
        var data = new List<object?[]>();
        var path = Path.Combine(NewsEtl.Core.Tests.Support.RepoPaths.Root(), "tests", "NewsEtl.Core.Tests", "Expected", "jiemian-2019-articles.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        foreach (var p in document.RootElement.EnumerateArray())
        {
            data.Add([
                p.GetProperty("file").GetString()!, p.GetProperty("title").GetString()!, p.GetProperty("lede").GetString()!,
                p.GetProperty("author").GetString()!, p.GetProperty("published_at").GetString()!, p.GetProperty("column").GetString()!,
                string.Join('|', p.GetProperty("tags").EnumerateArray().Select(t => t.GetString())),
                p.GetProperty("lead_caption").GetString(), p.GetProperty("paragraphs").GetInt32(), p.GetProperty("body_images").GetInt32(),
                p.GetProperty("first_paragraph").GetString()!]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Extract_2019ArticlePage_ReturnsEveryFieldAsPrinted(
        string file, string title, string lede, string author, string published, string column, string tags,
        string? leadCaption, int paragraphs, int bodyImages, string firstParagraph)
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var page = HtmlTestPages.SharedPage(folder, file);
        var article = HtmlTestPages.Extract(page).Article;

        Assert.NotNull(article);
        Assert.Equal(title, article.Title);
        Assert.Equal(lede, article.Subtitle);
        Assert.Equal([author], article.Authors);
        var expectedTime = DateTimeOffset.Parse(published, CultureInfo.InvariantCulture);
        Assert.Equal(expectedTime, article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), article.PublishedAt!.Value.Offset);
        Assert.Equal(column, article.Column);
        Assert.Equal(tags.Split('|', StringSplitOptions.RemoveEmptyEntries), article.Tags);
        Assert.NotNull(article.LeadImage);
        Assert.Equal(leadCaption, article.LeadImage.Caption);
        Assert.Equal(page.Input.Url, article.Url);
        Assert.Equal(paragraphs, article.Paragraphs.Count);
        Assert.Equal(bodyImages, article.Images.Count);
        Assert.Equal(firstParagraph, article.Paragraphs[0]);
        Assert.Equal("jiemian", article.Extractor);
        Assert.Empty(article.Flags);
        Assert.False(article.IsReprint);
        Assert.Null(article.Outlet);
    }

    [Theory]
    [InlineData("article-3101780.html")]
    [InlineData("article-3102726.html")]
    [InlineData("article-3103005.html")]
    [InlineData("article-3103116.html")]
    [InlineData("article-3104717.html")]
    [InlineData("article-3105076.html")]
    [InlineData("article-3105491.html")]
    [InlineData("article-3105535.html")]
    public void Extract_2019ArticlePage_BodyHasNoTemplateText(string file)
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var article = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, file)).Article!;

        string[] foreign = ["图片来源", "扫一扫", "未经正式授权", "详情点击", "最新更新时间", "相关文章", "推荐阅读", "发表评论", "浏览", "版权所有", "CNZZ", "taboola"];
        foreach (var paragraph in article.Paragraphs)
        {
            Assert.False(Boilerplate.IsBoilerplateLine(paragraph), paragraph);
            Assert.DoesNotContain(foreign, f => paragraph.Contains(f, StringComparison.Ordinal));
            Assert.NotEqual(article.Title, paragraph);
            Assert.NotEqual(article.Subtitle, paragraph);
            Assert.Equal(paragraph.Trim(), paragraph);
            Assert.DoesNotContain("  ", paragraph, StringComparison.Ordinal);
        }

        Assert.All(article.Images, i => Assert.StartsWith("https://img", i.Url, StringComparison.Ordinal));
        // p.report-view repeats the lead image at full size; it is not a body image.
        var leadStem = Path.GetFileNameWithoutExtension(new Uri(article.LeadImage!.Url).AbsolutePath).Split('_')[0];
        Assert.DoesNotContain(article.Images, i => i.Url.Contains(leadStem, StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_2019ArticlePage_KeepsSubheadsAsParagraphsAndDecodesEntities()
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var article = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, "article-3101780.html")).Article!;

        // <h4> sub-heads alternate with their <p>; &ldquo;&rdquo; and &nbsp; come out as text.
        Assert.Equal("央行5月15日起对中小银行降准", article.Paragraphs[2]);
        Assert.Equal("国家发改委加快探索宅基地“三权分置”", article.Paragraphs[14]);
        Assert.EndsWith("逐步提高封顶线。", article.Paragraphs[9], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_2019ArticlePage_DropsReadMoreLinksButKeepsTheirSentence()
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var article = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, "article-3105491.html")).Article!;

        Assert.Equal(
            "应美国贸易代表莱特希泽、财政部长姆努钦的邀请，中共中央政治局委员、国务院副总理、中美全面经济对话中方牵头人刘鹤将于5月9日至10日访美，与美方就经贸问题进行第十一轮磋商。",
            article.Paragraphs[1]);
    }

    [Fact]
    public void Extract_2019ArticlePage_WithoutInputUrl_StillExtractsAndLeavesUrlEmpty()
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        // The 2019 template has neither a canonical link nor og:url.
        var article = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, "article-3103005.html", withUrl: false)).Article!;

        Assert.Null(article.Url);
        Assert.Equal(20, article.Paragraphs.Count);
        Assert.Equal("https://img3.jiemian.com/101/original/20190507/155718127984647200_a580xH.png", article.Images[0].Url);
    }
}
