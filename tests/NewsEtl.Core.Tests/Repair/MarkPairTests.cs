using System.Globalization;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>
/// A Han word next to a punctuation mark scores by how often the word-pair corpus writes the two together:
/// "吗？" often, "吗，" seldom.
/// </summary>
public sealed class MarkPairTests
{
    [Theory]
    [InlineData("，")]
    [InlineData("。")]
    [InlineData("、")]
    [InlineData("“")]
    [InlineData("”")]
    [InlineData("：")]
    [InlineData("？")]
    [InlineData("！")]
    [InlineData("；")]
    [InlineData("（")]
    [InlineData("）")]
    [InlineData("《")]
    [InlineData("》")]
    public void MarkShares_AgreeWithTheWordPairTable(string mark)
    {
        AssertClose(ShareAfterWord(mark), TextScorer.MarkAfterWord(mark[0]));
    }

    [Fact]
    public void NumberShare_AgreesWithTheWordPairTable()
    {
        // The corpus writes every number as one token; its share after a word is estimated as the marks' are.
        AssertClose(ShareAfterWord(TextScorer.NumberToken), TextScorer.MarkAfterWord('7'));
    }

    [Theory]
    [InlineData("。", "！")]
    [InlineData("，", "；")]
    public void Score_ClauseMarkWrittenTwice_CostsMoreThanARarerPairOfMarks(string doubled, string other)
    {
        // Neither pair is on the page; the first mark is the commoner one, but nobody writes "。。" or "，，".
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Traditional));

        Assert.True(scorer.Score("的計劃" + doubled, other, "") > scorer.Score("的計劃" + doubled, doubled, ""));
    }

    [Theory]
    [InlineData("；")]
    [InlineData("：")]
    public void Score_ParticleRightAfterAClauseMark_CostsMoreThanAHanCharacterThere(string mark)
    {
        // "平均?F了": Big5 reads "?F" as "；", GBK as 貴. 了 leans on the word before it; no clause begins with it.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Traditional.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score("一杯拿鐵平均", "貴", "了10元") > scorer.Score("一杯拿鐵平均", mark, "了10元"));
    }

    [Theory]
    [InlineData("一副", "原价", "原籍", "3000元的雪板")]
    public void Score_WordTheCorpusWritesBeforeANumber_BeatsOneItDoesNot(string left, string fits, string other, string right)
    {
        // 原籍 is the commoner word (jieba counts it 257 times, 原价 87), but the corpus writes 原价 before numbers.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Simplified.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score(left, fits, right) > scorer.Score(left, other, right));
    }

    [Theory]
    [InlineData("追踪1200", "名", "增", "长者，")]
    public void Score_MeasureWordTheCorpusWritesAfterANumber_BeatsOneItDoesNot(string left, string fits, string other, string right)
    {
        // The corpus writes "1200名" often and "1200增" hardly: a number before a word is evidence for measure words.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Simplified.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score(left, fits, right) > scorer.Score(left, other, right));
    }

    [Fact]
    public void DateShare_AgreesWithTheWordPairTable()
    {
        AssertClose(ShareAfterWord(TextScorer.DateToken), TextScorer.DateAfterWord);
    }

    [Theory]
    [InlineData("2025年底", true)]
    [InlineData("5月份", true)]
    [InlineData("1日起", true)]
    [InlineData("5000年前", false)] // a number of years, not a year
    [InlineData("12个", false)]
    [InlineData("2025", false)]
    public void IsDate_NumberTheCorpusWritesAsADate(string text, bool expected) => Assert.Equal(expected, TextScorer.IsDate(text));

    [Fact]
    public void Score_WordTheCorpusWritesBeforeADate_BeatsOneItWritesBeforeNumbers()
    {
        // 于 comes before dates ("于2025年") and seldom before other numbers; 为 the other way round.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Simplified.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score("新规将", "于", "2025年施行") > scorer.Score("新规将", "为", "2025年施行"));
    }

    [Theory]
    [InlineData("三分之一", true)]
    [InlineData("二十多", true)]
    [InlineData("五万", true)]
    [InlineData("一", false)] // the corpus keeps a numeral alone as a word
    [InlineData("多半", false)] // no digit in it
    [InlineData("一样", false)]
    public void IsHanNumber_NumeralsTheCorpusWritesAsItsNumberToken(string word, bool expected) => Assert.Equal(expected, TextScorer.IsHanNumber(word));

    [Fact]
    public void Score_WordTheCorpusWritesBeforeNumbers_GainsBeforeChineseNumerals()
    {
        // "约三分之一": 约 comes before numbers, and the corpus writes 三分之一 as a number.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Traditional.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score("時長因此增加了", "約", "三分之一。") > scorer.Score("時長因此增加了", "新", "三分之一。"));
    }

    [Theory]
    [InlineData("为什么?A公司回应")]
    [InlineData("為什麼?A公司回應")]
    [InlineData("这是真的吗?C端用户怎么看")]
    [InlineData("为何?S级车型卖得好")]
    public void Repair_RealQuestionMarkBeforeACapital_StaysAQuestionMark(string text)
    {
        // "?A" is also what Big5's comma (A1 41) leaves when its lead byte is lost; after a question it is a question.
        var traditional = ChineseScript.Detect([text]) == "zh-Hant";
        var page = (traditional ? CleanCorpus.Traditional : CleanCorpus.Simplified).Select(Damage.FoldPunctuation).Append(text);

        var result = new TextRepairer().ForPage(page).Repair(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Theory]
    [InlineData("这是真的吗", "?", ",", "他说")]
    [InlineData("据了解", ",", "?", "公司表示")]
    public void Score_MarkTheCorpusWritesNextToTheWord_BeatsOneItDoesNot(string left, string fits, string other, string right)
    {
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Simplified.Select(Damage.FoldPunctuation)));

        Assert.True(scorer.Score(left, fits, right) > scorer.Score(left, other, right));
    }

    /// <summary>
    /// Re-estimated from the data: count(word@token) over the 3,000 commonest dictionary words written in Han
    /// characters, against the table's total times their summed probability.
    /// </summary>
    private static double ShareAfterWord(string token)
    {
        var words = EmbeddedData.Lines("words.txt")
            .Select(line => line.Split(' '))
            .Select(f => (Word: f[0], Count: long.Parse(f[1], CultureInfo.InvariantCulture)))
            .ToList();
        long total = words.Sum(w => w.Count);
        var commonest = words.Where(w => w.Word.All(HanChar.IsHan)).OrderByDescending(w => w.Count).Take(3000).ToList();
        var share = commonest.Sum(w => (double)w.Count / total);
        var pairs = WordBigrams.Default;
        return commonest.Sum(w => (double)pairs.Count(w.Word, token)) / (pairs.Total * share);
    }

    private static void AssertClose(double measured, double constant)
    {
        if (measured == 0)
        {
            Assert.Equal(0, constant);
            return;
        }

        Assert.InRange(constant / measured, 0.99, 1.01);
    }
}
