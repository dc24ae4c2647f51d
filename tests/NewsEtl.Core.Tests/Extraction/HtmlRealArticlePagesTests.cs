using System.Globalization;
using NewsEtl.Extraction;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>
/// The eight real 2019 article pages in shared/jiemian-2019. Expected values were read off each page by eye
/// (h1, lede, .article-info, .main-mate, .article-img, and the blocks of .article-content); they are facts about those pages.
/// </summary>
public sealed class HtmlRealArticlePagesTests
{
    [Theory]
    [InlineData("article-3101780.html", "【财经24小时】外交部回应“下一轮中美经贸磋商”", "以下是界面宏观整理的过去24小时国内主要财经新闻摘要。", "界面宏观", "2019-05-07T07:30:00+08:00", "界面宏观", "每日财经要闻", "中国外交部发言人耿爽，图片来源：东方IC", 20, 0, "中方团队正准备赴美磋商")]
    [InlineData("article-3102726.html", "【界面早报】国常会：力争年底前基本取消高速公路省界收费站 瑞幸咖啡发行价定为15至17美元", "上交所：对2019年5月到期的上证50ETF认购期权合约限制开仓；瑞幸咖啡发行价定为15至17美元，最高筹资5.87亿美元；美股低开高走，道指自日内低点反弹400点。", "界面综合", "2019-05-07T07:46:00+08:00", "界面早报", "界面早报", "图片来源：视觉中国", 19, 0, "国常会：力争今年底前基本取消全国高速公路省界收费站")]
    [InlineData("article-3103005.html", "【天下头条】美股收跌大豆期货创42年新低 斯里兰卡称所有恐袭嫌疑人被捕或死亡", "大豆玉米期货跌至42年低点；斯里兰卡代理警方总负责人：所有恐袭嫌疑人均已被捕或死亡；民主党准备因穆勒报告认定巴尔藐视国会；前高盛高管返回美国面对一马公司案相关指控；土耳其选举委员会下令重选伊斯坦布尔市长；美国股市下跌，因特朗普再度引发担心。以下是界面天下整理的全球主要媒体隔夜头条新闻。", "孙莉莉", "2019-05-07T07:31:00+08:00", "天下头条", "天下故事", "来源：东方IC", 20, 7, "--彭博--")]
    [InlineData("article-3103116.html", "【科技早报】恺英网络创始人涉嫌操纵市场被拘 优必选筹备于A股上市", "瑞幸咖啡股价区间定为15-17美元；优必选筹备IPO；恺英网络创始人涉嫌操纵市场被拘；传音控股称华为小米进入非洲和印度影响较小", "郑洁瑶", "2019-05-07T08:02:00+08:00", "科技早报", "", "图片来源：Unsplash", 21, 0, "优必选筹备IPO：去年获8.2亿美元融资，估值达50亿美元")]
    [InlineData("article-3104717.html", "【财经数据】一季度中企境内外IPO总额同比下降36%", "以下是界面宏观整理的5月7日国内主要经济金融数据。", "界面宏观", "2019-05-07T16:44:00+08:00", "界面宏观", "宏观数据快报", "图片来源：Unsplash", 22, 0, "一季度中企境内外IPO总额同比下降36%")]
    [InlineData("article-3105076.html", "地方新闻精选|车队碾压“格聂之眼”被罚5000元 衡阳律师被害案被告人一审被判死刑", "今天有哪些地方新闻值得关注？破坏1.8亩草地，车队碾压“格聂之眼”被罚5000元；男子网购射钉枪被判管制，十堰中院撤销原判发回重审；河南一干部接访时让群众“滚出去”，当地政府回应已严肃批评。", "界面中国报道", "2019-05-07T19:09:00+08:00", "镜面", "地方新闻精选", "图片来源：视觉中国", 18, 0, "【四川】破坏1.8亩草地，车队碾压“格聂之眼”被罚5000元")]
    [InlineData("article-3105491.html", "【界面晚报】刘鹤将赴美磋商 4月外汇储备下滑38亿美元", "4月外汇储备下滑38亿美元，结束五连增；A股缩量翻红，机构转向推荐大消费等防御性板块；官方通报南京应用技术学校部分学生学籍问题处理情况。以下是界面新闻为你梳理的5月7日晚报新闻。", "界面综合", "2019-05-07T19:41:00+08:00", "界面晚报", "", null, 16, 0, "刘鹤将赴美磋商")]
    [InlineData("article-3105535.html", "【天下奇闻】《权游》惊现星巴克杯具 六名巴黎消防员涉嫌强暴游客被捕", "《权力的游戏》龙妈面前出现星巴克 网友玩坏了；梅根王妃产下男婴，哈里王子向媒体公布喜讯；日本迎“令和”首个工作日 金融机构严防系统混乱；160公斤巨型方便面亮相日本 近600人试吃创吉尼斯纪录；俄航事故中现\"英雄空姐\":揪住乘客衣领,把他们推下飞机……", "界面天下", "2019-05-07T20:28:00+08:00", "天下奇闻", "天下故事|惊奇的发现", null, 20, 6, "《权力的游戏》龙妈面前出现星巴克，网友玩坏了")]
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
