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

    /// <summary>
    /// <paramref name="paragraph"/> (not in the corpus) split in GBK inside its first <paramref name="split"/>, its
    /// punctuation folded; repaired inside a page of <paramref name="corpus"/> (traditional when not given).
    /// </summary>
    private static (string Damaged, RepairResult Result) SplitInside(string paragraph, char split, IReadOnlyList<string>? corpus = null)
    {
        var at = Damage.Gbk.GetByteCount(paragraph[..paragraph.IndexOf(split, StringComparison.Ordinal)]) + 1;
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, at, Damage.Gbk));
        return (damaged, RepairOnPage(corpus ?? CleanCorpus.Traditional, damaged));
    }

    /// <summary><paramref name="text"/> repaired inside a page of the corpus's paragraphs, their punctuation folded.</summary>
    private static RepairResult RepairOnPage(IReadOnlyList<string> corpus, string text) =>
        new TextRepairer().ForPage(corpus.Select(Damage.FoldPunctuation).Append(text)).Repair(text);

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

    [Theory]
    // 上線首 is C9 CF BE 80 CA D7: split inside 上, CF BE reads 暇 and 線's trail 0x80 decodes alone as '€', then 首 is
    // aligned again; the '€' alone says the stretch before it is out of step.
    [InlineData("上線首周", "?暇€首周")]
    // 載 is DD 64: read out of step, its trail byte is a 'd' alone between 螺 and 量, where the run ends.
    [InlineData("用的下載量", "?玫南螺d量")]
    public void Repair_RunOfCommonCharactersEndingAtATrailByteReadAlone_IsRepaired(string marker, string trace)
    {
        var (clean, damaged, result) = Split(CleanCorpus.Traditional, marker, Damage.Gbk);
        Assert.Contains(trace, damaged, StringComparison.Ordinal);

        Assert.Equal(clean, result.Text);
    }

    [Theory]
    [InlineData("一位業內人士對記者坦言：“這不是一個季度能解決的問題，需要更長的時間來觀察。”")]
    [InlineData("一位業內人士對記者坦言：“這(zhè)不是一個季度能解決的問題，需要更長的時間來觀察。”")]
    public void Repair_RunOfCommonCharactersEndingAtALoneSymbol_IsRepaired(string paragraph)
    {
        // 言：“這 is D1 D4 A3 BA A1 B0 DF 40: split inside 言, the rest reads 裕骸斑 and 這's trail byte is an '@' alone before
        // 不 (or before the converter's note on 這).
        var (damaged, result) = SplitInside(paragraph, '言');
        Assert.Contains("坦?裕骸斑@", damaged, StringComparison.Ordinal);

        Assert.Equal(Damage.FoldPunctuation(paragraph.Replace("(zhè)", string.Empty, StringComparison.Ordinal)), result.Text);
    }

    [Theory]
    [InlineData("張信對記者坦言：“現金流比規模更重要，這是今年最大的教訓。”", '言', "?裕骸艾F金")] // 現 is AC 46
    [InlineData("這是今年最大的教訓。”光伏組件廠商回購了價值十億元的股票。", '的', "?慕逃枴!惫夥\uE3C8M件")] // A3 A1 reads '！', 組 is BD 4D
    public void Repair_RunOfCommonCharactersEndingAtACapitalBeforeHan_IsRepaired(string paragraph, char split, string trace)
    {
        // The run may pass a pair of bytes that read as a full-width mark, folded to ASCII since.
        var (damaged, result) = SplitInside(paragraph, split);
        Assert.Contains(trace, damaged, StringComparison.Ordinal);

        Assert.Equal(Damage.FoldPunctuation(paragraph), result.Text);
    }

    [Fact]
    public void Repair_RunOfCommonCharactersPastAFoldedMarkToALostByte_IsRepaired()
    {
        // 的教训。” split inside 的: 慕萄怠 are common characters, A3 A1 reads '！' (folded since), and the quote's last
        // byte, with nothing after it, is lost: the run goes on past the '!' to that mark.
        const string paragraph = "罗欣然在内部信中写道：“现金流比规模更重要，这是今年最大的教训。”";
        var (damaged, result) = SplitInside(paragraph, '的', CleanCorpus.Simplified);
        Assert.EndsWith("最大?慕萄怠!?", damaged, StringComparison.Ordinal);

        Assert.Equal(Damage.FoldPunctuation(paragraph), result.Text);
    }

    [Theory]
    [InlineData("為什麼?因為,他說C端用戶越來越多。")]
    [InlineData("怎麼辦?我們A股的投資者只能等待。")]
    [InlineData("真的嗎?他說B站的用戶都很年輕。")]
    public void Repair_QuestionBeforeCommonTextAndACapitalTerm_IsLeftAlone(string text) =>
        Assert.Equal(text, RepairOnPage(CleanCorpus.Traditional, text).Text);

    [Theory]
    [InlineData("若未在")] // 若 is Big5 AD 59: "平台?Y未在"
    [InlineData("與聲音")] // 與 is Big5 BB 50: "影像?P聲音"
    public void Repair_CapitalLeftOfALostLead_IsReadFromTheCopyThePageHolds(string marker)
    {
        // A capital before Chinese text passes for a term ("Y未在", "P聲音") unless the page says otherwise: here it holds
        // the sentence again, undamaged, and that copy outweighs the model.
        var clean = CleanCorpus.Traditional.First(p => p.Contains(marker, StringComparison.Ordinal));
        var at = Damage.Big5.GetByteCount(clean[..clean.IndexOf(marker, StringComparison.Ordinal)]) + 1;
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(clean, at, Damage.Big5));

        var result = RepairOnPage(CleanCorpus.Traditional, damaged);

        Assert.Equal(Damage.FoldPunctuation(clean), result.Text);
    }

    [Fact]
    public void Repair_EuroSignOfUtf8ReadAsGbk_IsNotReadOutOfStep()
    {
        // "涓€" is 一 in UTF-8 (E4 B8 80) read as GBK: the '€' is a continuation byte, not a realigned trail, and the
        // stretch after the question mark is the whole-run repair's.
        const string text = "為什麼年輕人越來越晚婚?涓€項針對25至35歲民眾的調查給出了答案。";

        var result = RepairOnPage(CleanCorpus.Traditional, text);

        Assert.DoesNotContain(result.Edits, e => e.Kind == "gbk-out-of-step");
        Assert.StartsWith("為什麼年輕人越來越晚婚?", result.Text, StringComparison.Ordinal);
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
