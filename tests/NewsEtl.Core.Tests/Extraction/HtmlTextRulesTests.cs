using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>The small text rules the HTML extractor relies on: white space, titles, captions, binary detection.</summary>
public sealed class HtmlTextRulesTests
{
    [Theory]
    [InlineData("　　八月的一个午后，\u00A0县城", "八月的一个午后，县城")]
    [InlineData("恺英网络创始人涉嫌操纵市场被拘  优必选筹备于A股上市", "恺英网络创始人涉嫌操纵市场被拘 优必选筹备于A股上市")]
    [InlineData("第一行\n  第二行", "第一行第二行")]
    [InlineData("Roger Ng\nthe banker", "Roger Ng the banker")]
    [InlineData("零\u200B宽", "零宽")]
    [InlineData(" \u00A0 ", "")]
    public void Normalize_CollapsesSpaceTheWayAReaderSeesIt(string text, string expected)
    {
        Assert.Equal(expected, HtmlText.Normalize(text));
    }

    [Fact]
    public void Normalize_TextWithNothingToChange_IsReturnedItself()
    {
        // Most paragraphs of a clean page: no copy is made of them.
        var text = "县城咖啡馆的第一年，Roger Ng the banker。";
        var changed = "县城咖啡馆的第一年， Roger  Ng";

        Assert.Same(text, HtmlText.Normalize(text));
        Assert.Equal("县城咖啡馆的第一年，Roger Ng", HtmlText.Normalize(changed));
    }

    [Theory]
    [InlineData("ÖÁÓÚÏÂÒ»ÂÖ¾\u00ADÃ³´èÉÌ", "ÖÁÓÚÏÂÒ»ÂÖ¾\u00ADÃ³´èÉÌ")]
    [InlineData("Ò»\u00A0Ãû", "Ò»\u00A0Ãû")]
    [InlineData("å\u0085¬å\u008F¸", "å\u0085¬å\u008F¸")]
    [InlineData("Café\u00ADs 咖啡", "Café\u00ADs 咖啡")]
    [InlineData("咖啡\u00AD馆", "咖啡馆")]
    [InlineData("咖啡 \u00A0 馆", "咖啡 馆")]
    public void Normalize_InvisibleCharactersInsideLatin1Text_StayAsBytesOfMisreadText(string text, string expected)
    {
        // GBK 经 is BE AD: read as Latin-1, "¾" and a soft hyphen; UTF-8 公 is E5 85 AC, and 85 reads as NEL, which .NET
        // counts as white space. Dropping either would lose a byte and leave the rest of the run out of step; next to
        // Chinese text they are dropped or folded as before.
        Assert.Equal(expected, HtmlText.Normalize(text));
    }

    [Theory]
    [InlineData("【财经24小时】外交部回应“下一轮中美经贸磋商”|界面新闻", "【财经24小时】外交部回应“下一轮中美经贸磋商”")]
    [InlineData("地方新闻精选|车队碾压“格聂之眼”被罚5000元|界面新闻 · 中国", "地方新闻精选|车队碾压“格聂之眼”被罚5000元")]
    [InlineData("县城咖啡馆的第一年_界面新闻", "县城咖啡馆的第一年")]
    [InlineData("江城老街改造完成 三百家老店重新开张 - 城市新闻 - 江城晚报", "江城老街改造完成 三百家老店重新开张")]
    [InlineData("只有标题", "只有标题")]
    public void Clean_TitleTag_DropsSiteSuffix(string title, string expected)
    {
        Assert.Equal(expected, TitleCleaner.Clean(title));
    }

    [Theory]
    [InlineData("图片来源：视觉中国", true)]
    [InlineData("来源：东方IC", true)]
    [InlineData("中国外交部发言人耿爽，图片来源：东方IC", true)]
    [InlineData("摄影：张三", true)]
    [InlineData("据券商中国报道，今年前4个月房企融资规模接近8500亿元。", false)]
    public void LooksLikeCaption_CreditWording_IsCaption(string text, bool expected)
    {
        Assert.Equal(expected, CaptionRule.LooksLikeCaption(text));
    }

    [Theory]
    [InlineData("<html><body><p>正常的中文页面。</p></body></html>", null)]
    [InlineData("", "empty page")]
    [InlineData("\u0001\u0002\u0003\u0004abc", "not text: binary-looking content")]
    public void Check_Text_RejectsOnlyEmptyOrBinary(string text, string? expected)
    {
        Assert.Equal(expected, TextGuard.Check(text));
    }
}
