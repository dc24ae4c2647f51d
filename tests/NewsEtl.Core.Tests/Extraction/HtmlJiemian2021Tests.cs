using NewsEtl.Extraction;
using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>The 2021-on template, through fixtures written after its structure (see Fixtures/README.md).</summary>
public sealed class HtmlJiemian2021Tests
{
    [Fact]
    public void Extract_2021StaffArticle_MovesBylinesIntoAuthorsAndEditor()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        Assert.Equal(["赵子健", "王晓"], article.Authors);
        Assert.Equal("刘海川", article.Editor);
        Assert.Null(article.Outlet);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains('|', StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_2021StaffArticle_ReadsUnixPublishTimeAtChinaOffset()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        // data-article-publish-time="1628743500" is 2021-08-12 04:45 UTC.
        Assert.Equal(new DateTimeOffset(2021, 8, 12, 12, 45, 0, TimeSpan.FromHours(8)), article.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(8), article.PublishedAt!.Value.Offset);
    }

    [Fact]
    public void Extract_2021StaffArticle_TakesTitleFromH1NotStickyHeader()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        Assert.Equal("县城充电桩生意：运营商扎堆下沉市场", article.Title);
        Assert.Equal("县城的充电需求正在变大，但盈利仍需时间。", article.Subtitle);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("正在阅读", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_2021StaffArticle_ReturnsExactlyTheBodyParagraphs()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        // Ideographic indent and &nbsp; go, sub-heads stay; widgets, captions, copyright, comments and related lists do not.
        Assert.Equal(
            [
                "八月的一个午后，县城东关的一座充电站里停满了网约车，司机们在树荫下等着电量跳到八成。",
                "这座充电站去年底才建成，运营方是一家总部在省城的充电桩公司。站长说，开业头三个月几乎没有车来，今年春节以后才慢慢热闹起来。",
                "县城里的新生意",
                "过去一年，多家充电运营商把目光投向县城。它们的判断是：一二线城市的好位置已经被占满，县城的电动车保有量却在快速上升。",
                "一位运营商的区域负责人告诉界面新闻，县城的场地租金只有市区的三分之一，但车流量也少得多，回本周期因此被拉长到五年以上。",
                "盈利仍需时间",
                "多位受访者认为，县城充电桩要真正赚钱，还要等到私家电动车的数量再翻一番。在那之前，价格战恐怕难以避免。",
            ],
            article.Paragraphs);
    }

    [Fact]
    public void Extract_2021StaffArticle_ReadsColumnTagsUrlAndLeadImage()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-staff.html")).Article!;

        Assert.Equal("汽车", article.Column);
        Assert.Equal(["新能源汽车", "充电桩"], article.Tags);
        Assert.Equal("https://www.jiemian.com/article/6123456.html", article.Url);
        Assert.Equal(
            new ArticleImage("https://img.jiemian.com/101/original/20210812/162874350011112200_a700x398.jpg", "县城街边新建的充电站。图片来源：界面新闻 赵子健"),
            article.LeadImage);
        Assert.Equal("jiemian", article.Extractor);
        Assert.Empty(article.Flags);
        Assert.False(article.IsReprint);
    }

    [Fact]
    public void Extract_2021Reprint_SetsOutletAuthorEditorAndIsReprint()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-reprint.html")).Article!;

        Assert.Equal("市象", article.Outlet);
        Assert.Equal(["文昌龍"], article.Authors);
        Assert.Equal("楊舟", article.Editor);
        Assert.True(article.IsReprint);
        Assert.Equal(new DateTimeOffset(2022, 3, 15, 9, 20, 0, TimeSpan.FromHours(8)), article.PublishedAt);
    }

    [Fact]
    public void Extract_2021Reprint_LeavesBylinesAndNoticeOutOfBody()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-reprint.html")).Article!;

        Assert.Equal(3, article.Paragraphs.Count);
        Assert.StartsWith("去年三月", article.Paragraphs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(article.Paragraphs, Boilerplate.IsReprintNotice);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("阅读全文", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_2021Reprint_UsesOgUrlWhenNoCanonicalAndFlagsPaywall()
    {
        var article = HtmlTestPages.Extract(HtmlTestPages.FixtureText("jiemian-2021-reprint.html")).Article!;

        Assert.Equal("https://www.jiemian.com/article/7234567.html", article.Url);
        Assert.Equal(["paywalled"], article.Flags);
    }

    [Fact]
    public void Extract_InputUrl_IsPreferredOverCanonical()
    {
        var page = HtmlTestPages.FromHtml(HtmlTestPages.FixtureText("jiemian-2021-staff.html"), "https://m.jiemian.com/article/6123456.html");

        Assert.Equal("https://m.jiemian.com/article/6123456.html", HtmlTestPages.Extract(page).Article!.Url);
    }

    [Fact]
    public void Extract_UnixAttribute_WinsOverVisibleTimeText()
    {
        var html = HtmlTestPages.FixtureText("jiemian-2021-staff.html").Replace(">2021/08/12 12:45<", ">2020/01/01 00:00<", StringComparison.Ordinal);

        Assert.Equal(new DateTimeOffset(2021, 8, 12, 12, 45, 0, TimeSpan.FromHours(8)), HtmlTestPages.Extract(html).Article!.PublishedAt);
    }
}
