using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class QuestionClauseTests
{
    [Theory]
    [InlineData("為什麼")]
    [InlineData("你知道嗎")]
    [InlineData("誰是最後的贏家")]
    [InlineData("结果如何")]
    [InlineData("这款手机到底卖多少")]
    [InlineData("公司是否会继续裁员")]
    [InlineData("能不能再便宜一點")]
    [InlineData("你有没有想过")]
    [InlineData("難道這就是答案")]
    [InlineData("據了解,新規將於明年起施行,但問題出在哪裡")]
    public void Read_ClauseWithAQuestionWordOrAVerbAskedBothWays_Asks(string before) =>
        Assert.Equal(ClauseReading.Asks, QuestionClause.Read(before, traditionalPage: NewsEtl.Text.ChineseScript.Detect([before]) == "zh-Hant"));

    [Theory]
    [InlineData("據了解,新規將於明年1月1日起施行", true)]
    [InlineData("不少家長擔心", true)]
    [InlineData("記者從市交通委員會獲悉", true)]
    [InlineData("会议指出,要加快推进老旧小区改造", false)]
    public void Read_ClauseThatOnlyStates_States(string before, bool traditional) =>
        Assert.Equal(ClauseReading.States, QuestionClause.Read(before, traditional));

    [Fact]
    public void Read_OnlyTheClauseRightBeforeTheMarkCounts() =>
        Assert.Equal(ClauseReading.States, QuestionClause.Read("為什麼?他們已經公開道歉", traditionalPage: true));

    [Theory]
    [InlineData("")]
    [InlineData("OK")]
    [InlineData("他說,")]
    public void Read_ClauseWithoutChinese_CannotBeRead(string before) =>
        Assert.Equal(ClauseReading.Unreadable, QuestionClause.Read(before, traditionalPage: false));

    [Fact]
    public void Read_ClauseWithImprobableCharacters_CannotBeRead()
    {
        // Mojibake not yet repaired ("鍏冨悧" is "元吗" read as GBK): what it asks cannot be read from it.
        Assert.Equal(ClauseReading.Unreadable, QuestionClause.Read("浣犱細涓轰竴鏉墜鍐插挅鍟¤姳80鍏冨悧", traditionalPage: false));
    }
}
