using System.Text;
using NewsEtl.Extraction;
using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Extraction;

public sealed class TextDumpExtractorTests
{
    private static ExtractionResult Extract(string text) =>
        new TextDumpExtractor().Extract(new DecodedPage(
            new RawInput("dump.txt", Encoding.UTF8.GetBytes(text), null, null, "text/plain"),
            PageFormat.Text,
            text,
            new CharsetDecision("utf-8", "utf8-valid", 0)));

    [Fact]
    public void Extract_SimplifiedDumpWithStaffByline_TakesTitleLedeAuthorAndDropsTemplateLines()
    {
        var text = """
            正在阅读：
            城市更新进入深水区
            扫一扫下载界面新闻APP
            城市更新进入深水区
            老旧小区改造的钱从哪里来？
            界面新闻记者 | 王小明 李华
            界面新闻编辑 | 赵六
            今年以来，多地密集出台城市更新政策，改造对象从单个小区扩展到整片街区。
            业内人士认为，资金平衡仍是最大难题，社会资本参与的积极性有待提高。
            未经正式授权严禁转载本文，侵权必究。
            评论
            暂无评论哦，快来评价一下吧！
            """;

        var article = Extract(text).Article;

        Assert.NotNull(article);
        Assert.Equal("城市更新进入深水区", article.Title);
        Assert.Equal("老旧小区改造的钱从哪里来？", article.Subtitle);
        Assert.Equal(["王小明", "李华"], article.Authors);
        Assert.Equal("赵六", article.Editor);
        Assert.Null(article.Outlet);
        Assert.False(article.IsReprint);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.StartsWith("今年以来", article.Paragraphs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TraditionalReprintByline_SplitsOutletFromAuthorAndSetsReprint()
    {
        var text = "標題一則\n\n導語一句。\n\n文 | 某週刊 陳大文\n\n編輯 | 林小青\n\n"
            + "正文第一段，說明這則新聞的來龍去脈，涉及多家公司與監管部門的回應。\n\n"
            + "正文第二段，補充市場人士的看法與後續可能的發展方向，篇幅稍長一些。\n\n"
            + "本文為轉載內容，授權事宜請聯繫原著作權人。";

        var article = Extract(text).Article;

        Assert.NotNull(article);
        Assert.Equal("某週刊", article.Outlet);
        Assert.Equal(["陳大文"], article.Authors);
        Assert.Equal("林小青", article.Editor);
        Assert.True(article.IsReprint);
        Assert.DoesNotContain(article.Paragraphs, p => p.Contains("轉載", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("評論\n微博\n微信公眾號\n下載界面新聞")]
    [InlineData("一行字")]
    public void Extract_TemplateOnlyOrTooShort_IsRejectedWithAReason(string text)
    {
        var result = Extract(text);

        Assert.Null(result.Article);
        Assert.False(string.IsNullOrWhiteSpace(result.RejectReason));
    }
}
