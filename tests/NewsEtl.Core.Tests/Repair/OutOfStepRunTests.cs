using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>Out-of-step runs whose traces are easy to take for clean text: common characters, a lone letter, a lone high byte.</summary>
public sealed class OutOfStepRunTests
{
    /// <summary>
    /// The paragraph of the corpus that contains <paramref name="marker"/>, split inside the character at
    /// <paramref name="marker"/>'s first character, its punctuation folded; repaired inside the page of its script.
    /// </summary>
    private static (string Clean, string Damaged, RepairResult Result) Split(IReadOnlyList<string> corpus, string marker, Encoding encoding)
    {
        var index = corpus.ToList().FindIndex(p => p.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, marker);
        var paragraph = corpus[index];
        var at = paragraph.IndexOf(marker, StringComparison.Ordinal);
        var character = paragraph[..at].Count(c => encoding.GetByteCount(c.ToString()) == 2);
        var offset = Damage.MidCharacterOffsets(paragraph, encoding).ElementAt(character);
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, offset, encoding));
        var page = corpus.Select(Damage.FoldPunctuation).ToList();
        page[index] = damaged;
        return (Damage.FoldPunctuation(paragraph), damaged, new TextRepairer().ForPage(page).Repair(damaged));
    }

    [Fact]
    public void Repair_RunLongerThanAHundredCharacters_IsRepaired()
    {
        // A paragraph with no ASCII in it: split after its first character, the rest is out of step to the end.
        const string paragraph = "记者从市交通委员会获悉，今年前三季度全市新开通公交线路，日均客运量比去年同期明显增长。"
            + "业内人士认为，资金平衡仍是最大难题，社会资本参与的积极性有待提高，改造对象从单个小区扩展到整片街区。"
            + "多家头部企业在一场行业论坛上提到，用户的耐心是有限的，产品体验必须先做好，价格战打到最后没有真正的赢家。";
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, 3, Damage.Gbk));
        Assert.True(damaged.Length > 100);
        var page = CleanCorpus.Simplified.Select(Damage.FoldPunctuation).Append(damaged).ToList();

        var result = new TextRepairer().ForPage(page).Repair(damaged);

        Assert.Equal(Damage.FoldPunctuation(paragraph), result.Text);
    }

    [Fact]
    public void Repair_RunOfCommonCharactersEndingAtAMark_IsRepaired()
    {
        // 送车辆。 read one byte out of step is "统盗尽" and a '?' where the full stop's lead met the end of the text.
        var (clean, damaged, result) = Split(CleanCorpus.Simplified, "送车辆", Damage.Gbk);
        Assert.EndsWith("?统盗尽?", damaged, StringComparison.Ordinal);

        Assert.Equal(clean, result.Text);
    }

    [Fact]
    public void Repair_QuestionMarkBeforeDamageLaterInTheSentence_StaysAQuestionMark()
    {
        // A real '?' followed by common text, then the damage: only the damage is read again.
        var (clean, damaged, result) = Split(CleanCorpus.Simplified, "手告诉", Damage.Gbk);
        Assert.Contains("超时?一位骑?", damaged, StringComparison.Ordinal);

        Assert.StartsWith("为什么外卖骑手宁愿超速也不愿超时?一位骑", result.Text, StringComparison.Ordinal);
        Assert.Equal(clean, result.Text);
    }

    [Theory]
    [InlineData("为什么?怎么办?专家给出了三个建议。")]
    [InlineData("真的吗?我们不知道?他说。")]
    public void Repair_QuestionsInARow_AreLeftAlone(string text)
    {
        var page = CleanCorpus.Simplified.Select(Damage.FoldPunctuation).Append(text);

        var result = new TextRepairer().ForPage(page).Repair(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Repair_TrailByteReadAsEuroSign_IsRepaired()
    {
        // GBK writes 個 as 82 80; with its lead lost, 0x80 decodes alone as '€'.
        var (clean, damaged, result) = Split(CleanCorpus.Traditional, "個打席", Damage.Gbk);
        Assert.Contains("?€打席", damaged, StringComparison.Ordinal);

        Assert.Equal(clean, result.Text);
    }

    [Fact]
    public void Repair_SmallLetterGluedToANumberAfterAMark_IsRepaired()
    {
        // Big5 writes 在 as A6 62: with its lead lost the trail is a 'b' before "2023".
        var (clean, damaged, result) = Split(CleanCorpus.Traditional, "在2023", Damage.Big5);
        Assert.Contains("?b2023", damaged, StringComparison.Ordinal);

        Assert.Equal(clean, result.Text);
    }

    [Fact]
    public void Repair_LostLeadOnTraditionalPage_PrefersTheWordsOwnForm()
    {
        // 季 and 製 share their Big5 trail byte; 製 takes the credit of "制度" only in simplified counts.
        var (clean, damaged, result) = Split(CleanCorpus.Traditional, "季度", Damage.Big5);
        Assert.Contains("?u度", damaged, StringComparison.Ordinal);

        Assert.Equal(clean, result.Text);
    }
}
