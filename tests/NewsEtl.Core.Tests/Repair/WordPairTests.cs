using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Repair;

public sealed class WordPairTests
{
    [Fact]
    public void WordBigrams_ReadsThePackagedTable()
    {
        var pairs = WordBigrams.Default;

        Assert.True(pairs.Total > 1_000_000);
        Assert.True(pairs.Count("将", "于") > 100);
        Assert.True(pairs.Count("中国", "人民") > 100);
        Assert.Equal(0, pairs.Count("就", "于"));
        Assert.Equal(0, pairs.Count("于", "将于将"));
    }

    [Theory]
    [InlineData("解，新規", "於明年1", "將", "就")]
    [InlineData("增加了", "三分之一", "約", "都")]
    public void Score_FunctionWordThatFitsItsNeighbours_BeatsAMoreFrequentOne(string left, string right, string fits, string frequent)
    {
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Traditional));

        Assert.True(scorer.Score(left, fits, right) > scorer.Score(left, frequent, right));
    }

    [Fact]
    public void BestWordAround_CharacterThatMakesAWordWithItsNeighbour_RanksAboveAFrequentOne()
    {
        // The cheap score that picks which candidates get a full segmentation: "交" makes "交通", "的" makes nothing here.
        var scorer = new TextScorer(WordModel.Default, new PageStatistics(CleanCorpus.Traditional));

        Assert.True(scorer.BestWordAround("記者從市", '交', "通委員會") > scorer.BestWordAround("記者從市", '的', "通委員會"));
    }
}
