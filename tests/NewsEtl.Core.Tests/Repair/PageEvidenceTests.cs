using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>
/// What the page itself tells the out-of-step repair: a second copy of a damaged sentence (scraped pages repeat their
/// article, each copy damaged in its own place), and which characters the page writes more than Chinese in general.
/// </summary>
public sealed class PageEvidenceTests
{
    private static readonly string Figures = CleanCorpus.Simplified.First(p => p.Contains("27条", StringComparison.Ordinal));
    private static readonly string Rewrite = CleanCorpus.Simplified.First(p => p.Contains("里重写了", StringComparison.Ordinal));

    [Fact]
    public void Repair_CharacterLostWholeAtTheEndOfTheText_IsReadAsThePageEndsItsTexts()
    {
        // "。" (A1 A3) split between its bytes at the paragraph's end leaves "??". Without the end of the text in view
        // the comma, commoner after "%", was chosen; the page ends its paragraphs with "。".
        var c = Corruption.Cases("gbk-out-of-step").First(x => x.Clean == Damage.FoldPunctuation(Figures) && x.Damaged.EndsWith("%??", StringComparison.Ordinal));

        var result = new TextRepairer().ForPage(c.Page).Repair(c.Damaged);

        Assert.Equal(c.Clean, result.Text);
        Assert.EndsWith("。", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CharCounts_AgreeWithADictionaryOverEveryBlock()
    {
        var random = new Random(7);
        var counts = new CharCounts();
        var expected = new Dictionary<char, int>();
        for (var n = 0; n < 50_000; n++)
        {
            var c = (char)(n % 3 == 0 ? random.Next(0x10000) : '\u4E00' + random.Next(500));
            counts.Add(c);
            expected[c] = expected.GetValueOrDefault(c) + 1;
        }

        foreach (var (c, count) in expected)
        {
            Assert.Equal(count, counts[c]);
        }

        var absent = Enumerable.Range(0x4E00, 1000).Select(x => (char)x).First(x => !expected.ContainsKey(x));
        Assert.Equal(0, counts[absent]);
        Assert.Equal(0, new CharCounts()['的']);
    }

    [Fact]
    public void Between_CountsWhatThePageWritesBetweenTheNeighbours()
    {
        var page = new PageStatistics(["甲乙丙丁", "甲乙戊丁", "甲乙丙丁", "甲乙?丁", "甲乙丙戊"]);

        var found = page.Between("甲乙", 1, "丁");

        Assert.Equal(2, found["丙"]);
        Assert.Equal(1, found["戊"]);
        Assert.Equal(2, found.Count);
    }

    [Fact]
    public void Between_ComparesPunctuationFullWidthAndTakesZeroForAnyDigit()
    {
        var page = new PageStatistics(["今年增长12.4%,创新高", "他说:好"]);

        Assert.Equal(1, page.Between("增长", 1, "0.")["1"]);
        Assert.Equal(1, page.Between("他说", 1, "好")["："]);
        Assert.Equal(1, page.Between("新", 1, "\n")["高"]);
        Assert.Empty(page.Between("增长", 1, "x"));
    }

    [Fact]
    public void Conditional_DigitNextToANonDigit_CountsAsAnyDigit()
    {
        var page = new PageStatistics(["第15个", "第7名", "的人"]);

        Assert.True(page.Conditional('第', '3') > 0);
        Assert.True(page.Conditional('8', '个') > 0);
        Assert.Equal(0, page.Conditional('的', '3'));
        Assert.True(page.Conditional('1', '5') > 0);
        Assert.Equal(0, page.Conditional('1', '6'));
        Assert.Equal(3.0 / 9, page.PairUnigram('第', '9'), 12);
        Assert.Equal(1.0 / 9, page.PairUnigram('1', '5'), 12);
    }

    [Fact]
    public void Conditional_ReplacementMarkAfterAnImprobableCharacter_IsNoHabitOfThePage()
    {
        // "鍒?025" is a misread run and the mark that ends it, and a mark before a digit is one that swallowed a digit;
        // counted, the damage would vouch for itself when read.
        var page = new PageStatistics(["个，鍒?025年底", "你好吗?我很好", "一副原?000元"]);

        Assert.Equal(0, page.Conditional('鍒', '?'));
        Assert.Equal(0, page.Conditional('原', '?')); // a digit after the mark: a swallowed one
        Assert.True(page.Conditional('吗', '?') > 0);
    }

    [Fact]
    public void PairCount_CountsWhereThePageWritesOneCharacterRightAfterAnother()
    {
        var page = new PageStatistics(["剛到台北打拚", "台北國際書展,台南"]);

        Assert.Equal(2, page.PairCount('台', '北'));
        Assert.Equal(1, page.PairCount('台', '南'));
        Assert.Equal(0, page.PairCount('北', '台'));
        Assert.Equal(1, page.PairCount('展', '，')); // punctuation compared full-width
    }

    [Fact]
    public void Repair_DigitSwallowedInOneCopy_IsRestoredFromTheOtherCopy()
    {
        // Copy one: split inside its first character, the run ends where "27条" begins and the '2' is swallowed
        // (alone, it stays U+FFFD: OutOfStepRepairTests). Copy two: split near the end, clean around "27条".
        var clean = Damage.FoldPunctuation(Figures);
        var first = Damage.FoldPunctuation(Damage.ChunkSplit(Figures, Damage.MidCharacterOffsets(Figures).First()));
        var second = Damage.FoldPunctuation(Damage.ChunkSplit(Figures, Damage.MidCharacterOffsets(Figures).ElementAt(Figures.IndexOf("日均", StringComparison.Ordinal))));
        Assert.Contains("?7条", first, StringComparison.Ordinal);
        Assert.Contains("27条", second, StringComparison.Ordinal);
        var page = CleanCorpus.Simplified.Where(p => p != Figures).Select(Damage.FoldPunctuation).Append(first).Append(second);

        var result = new TextRepairer().ForPage(page).Repair(first);

        Assert.Equal(clean, result.Text);
        Assert.Empty(result.Suspects);
    }

    [Fact]
    public void Repair_LostLeadByte_TakesTheCharacterTheOtherCopyWrites()
    {
        // "里?匦戳" is 重写了 with the lead byte of 重 lost; the word model alone prefers 地 ("里地写了").
        var clean = Damage.FoldPunctuation(Rewrite);
        var at = Rewrite.IndexOf("重写", StringComparison.Ordinal);
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(Rewrite, Damage.MidCharacterOffsets(Rewrite).ElementAt(at)));
        var other = Damage.FoldPunctuation(Damage.ChunkSplit(Rewrite, Damage.MidCharacterOffsets(Rewrite).ElementAt(Rewrite.IndexOf("三分之一", StringComparison.Ordinal))));
        var rest = CleanCorpus.Simplified.Where(p => p != Rewrite).Select(Damage.FoldPunctuation).ToList();

        var alone = new TextRepairer().ForPage(rest.Append(damaged)).Repair(damaged);
        var twice = new TextRepairer().ForPage(rest.Append(damaged).Append(other)).Repair(damaged);

        Assert.NotEqual(clean, alone.Text);
        Assert.Equal(clean, twice.Text);
    }

    [Fact]
    public void Repair_TwoLostHalvesSideBySide_ChoosesThemAsOneWord()
    {
        // "销量?锏?94万辆": the lead byte of 达 and the trail byte of 到 are lost, and the '4' after them swallowed.
        // Chosen one at a time, the first has nothing known to its right and "里的" wins; together, "达到" does.
        var paragraph = CleanCorpus.Simplified.First(p => p.Contains("达到494", StringComparison.Ordinal));
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, Damage.MidCharacterOffsets(paragraph).ElementAt(paragraph.IndexOf('达', StringComparison.Ordinal))));
        Assert.Contains("?锏?94", damaged, StringComparison.Ordinal);
        var page = CleanCorpus.Simplified.Where(p => p != paragraph).Select(Damage.FoldPunctuation).Append(damaged);

        var result = new TextRepairer().ForPage(page).Repair(damaged);

        Assert.Contains("销量达到\uFFFD94万辆", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OutOfStepRepairTests.CleanParagraphs), MemberType = typeof(OutOfStepRepairTests))]
    public void Repair_CleanParagraphWrittenTwiceOnThePage_IsNeverChanged(string paragraph)
    {
        var corpus = CleanCorpus.Traditional.Contains(paragraph) || CleanCorpus.Traditional.Select(Damage.FoldPunctuation).Contains(paragraph) ? CleanCorpus.Traditional : CleanCorpus.Simplified;
        var page = new TextRepairer().ForPage(corpus.Append(paragraph).Append(paragraph));

        var result = page.Repair(paragraph);

        Assert.Equal(paragraph, result.Text);
        Assert.Empty(result.Edits);
        Assert.Empty(result.Suspects);
    }
}
