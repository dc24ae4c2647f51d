using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class QuestionMarkTests
{
    [Theory]
    [InlineData("為什麼?A股今年的表現這麼差,分析師給出了三個理由。")]
    [InlineData("你知道嗎?AI正在改變我們的工作方式,而且速度比想像中更快。")]
    [InlineData("真的嗎?OK,那我們就按照這個方案來執行。")]
    [InlineData("为什么?A股今年的表现这么差,分析师给出了三个理由。")]
    [InlineData("你知道吗?AI正在改变我们的工作方式,而且速度比想象中更快。")]
    [InlineData("谁能想到?5G手机的销量在一年之内翻了一番。")]
    [InlineData("结果如何?2024年的数据给出了答案。")]
    [InlineData("这是真的吗?《人民日报》对此做了报道。")]
    public void Repair_QuestionMarkBeforeLatinOrDigits_IsLeftAlone(string text)
    {
        var traditional = NewsEtl.Text.ChineseScript.Detect([text]) == "zh-Hant";
        var corpus = (traditional ? CleanCorpus.Traditional : CleanCorpus.Simplified).Select(Damage.FoldPunctuation);

        var result = new TextRepairer().ForPage(corpus.Append(text)).Repair(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Repair_QuestionMarkBeforeACapitalThatCouldBeBig5sComma_StaysAndIsReported()
    {
        // "?A" is also what Big5's comma (A1 41) leaves when its lead byte is lost, and "贏家，隊還是" reads well enough
        // to clear the usual bar; a mark that clean text writes too needs more, so the text stays and is reported.
        const string text = "誰是贏家?A隊還是B隊";
        var corpus = CleanCorpus.Traditional.Select(Damage.FoldPunctuation);

        var result = new TextRepairer().ForPage(corpus.Append(text)).Repair(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
        var suspect = Assert.Single(result.Suspects);
        Assert.Equal("?A", suspect.Text);
        Assert.Equal(text.IndexOf('?', StringComparison.Ordinal), suspect.Offset);
    }

    [Fact]
    public void Repair_QuestionMarkAndLetterThatReadsAsAMarkByALittle_IsReportedNotLeftSilently()
    {
        // "壓縮?A學校" is Big5's comma with its lead byte lost; "，" leads the text as it stands by about e^2.7, too little
        // to change a '?' before a capital, enough to ask for a look.
        var c = Corruption.Cases("big5-out-of-step").ElementAt(231);
        Assert.Contains("壓縮?A學校", c.Damaged, StringComparison.Ordinal);

        var result = new TextRepairer().ForPage(c.Page).Repair(c.Damaged);

        Assert.Equal(c.Damaged, result.Text);
        Assert.Empty(result.Edits);
        Assert.Equal("?A", Assert.Single(result.Suspects).Text);
    }

    [Fact]
    public void Repair_QuestionMarkAndLetterThatReadsAsAHanCharacterByALittle_IsReported()
    {
        // "?W路平台" is GBK 網路 (BE 57) with the lead byte lost on a traditional page; 網 leads the text as it stands,
        // but by less than the e^4 a change needs. ("?I者", 業者, was such a case until a capital before a suffix
        // counted as no term.)
        var c = Corruption.Cases("gbk-out-of-step").First(x => x.Damaged.Contains("?W路平台", StringComparison.Ordinal));

        var result = new TextRepairer().ForPage(c.Page).Repair(c.Damaged);

        Assert.Equal(c.Damaged, result.Text);
        Assert.Equal("?W", Assert.Single(result.Suspects).Text);
    }

    [Fact]
    public void Repair_Big5CommaLostLeadWithStrongContext_IsStillRestored()
    {
        // The same two characters where the sentence plainly goes on: the comma clears the higher bar.
        const string text = "據了解,新規將於明年1月1日起施行?A適用範圍包括網約車";
        var corpus = CleanCorpus.Traditional.Select(Damage.FoldPunctuation);

        var result = new TextRepairer().ForPage(corpus.Append(text)).Repair(text);

        Assert.Equal("據了解,新規將於明年1月1日起施行,適用範圍包括網約車", result.Text);
        Assert.Equal("big5-out-of-step", Assert.Single(result.Edits).Kind);
    }
}
