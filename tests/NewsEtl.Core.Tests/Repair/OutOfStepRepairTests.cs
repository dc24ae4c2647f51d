using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class OutOfStepRepairTests
{
    private static PageRepairer PageOf(IEnumerable<string> texts) => new TextRepairer().ForPage(texts);

    [Fact]
    public void Repair_QuestionMarkRightBeforeTheLostByte_StaysAQuestionMark()
    {
        // "付费??鞑橄": the page's own question mark, then the mark of the lost lead byte of 调. Read from the first mark,
        // the run also comes back ("付费。亏查显示"), but the reading from the second one is better and keeps the first.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", 495);
        Assert.Contains("付费??", c.Damaged, StringComparison.Ordinal);

        Assert.StartsWith(c.Clean[..c.Clean.IndexOf('显', StringComparison.Ordinal)], result.Text, StringComparison.Ordinal);
        Assert.Equal(c.Damaged.IndexOf("??", StringComparison.Ordinal) + 1, result.Edits[0].Offset);
    }

    [Fact]
    public void Repair_QuestionMarkThenACharacterThenTheLostByte_KeepsTheQuestionMark()
    {
        // "付费?调?橄": the page's question mark, 调 as written, then the mark of the lost lead byte of 查. Read from the
        // first mark the run comes back as "付费说鳎块显示"; the reading from the later mark is better.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", 496);
        Assert.Contains("付费?调?", c.Damaged, StringComparison.Ordinal);

        Assert.StartsWith(c.Clean[..(c.Clean.IndexOf('显', StringComparison.Ordinal) + 1)], result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2580)]
    [InlineData(2584)]
    public void Repair_LostClosingQuoteOnAPageOfCornerBrackets_MatchesTheQuoteItCloses(int index)
    {
        // "回應稱：“目前……的計劃。" and the rest lost at the end of the text, on a traditional page that writes 「」: the
        // page's habit says 」, a second 。 would leave the quote open, and the quote was opened with “.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", index);
        Assert.EndsWith("?", c.Damaged, StringComparison.Ordinal);
        Assert.EndsWith("。”", c.Clean, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Theory]
    [InlineData("big5-out-of-step", 115, "出貨量?N突破")] // 就 is B4 4E in Big5: a capital before a verb
    [InlineData("gbk-out-of-step", 3049, "1200名?L者")] // 長 is GBK E9 4C: a capital before a suffix
    [InlineData("gbk-out-of-step", 2873, "」?I者")] // 業 is 98 49
    public void Repair_LostLeadWhoseTrailIsACapitalBeforeNoTermWord_IsRepaired(string kind, int index, string damage)
    {
        // A capital alone before a verb, 者, an adjective or a particle makes no term, as "A股" does: the '?' is no
        // question mark but a lost lead byte.
        var (c, result) = Corruption.Repaired(kind, index);
        Assert.Contains(damage, c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Fact]
    public void Repair_LostCharacterAfterAClauseThatAsksNothing_IsNoQuestionMark()
    {
        // 量 lost its lead byte; '？' shares its trail byte and reads as well between "日均客運" and "比去年". A question
        // mark ends a clause that asks, and "日均客運" asks nothing.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", 2294);
        Assert.Contains("日均客運?", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Fact]
    public void Repair_LostCharactersBeforeASwallowedQuestionMark_AreChosenBeforeAQuestion()
    {
        // "為什麼年輕人不想生小孩?": 小孩 lost, and the '?' after it swallowed. Read as a digit, the byte makes "生病和0一項"
        // likelier; the clause asks (為什麼), so it was the question mark, and "生小孩?" reads best.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", 3125);
        Assert.DoesNotContain("生小孩?", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Theory]
    [InlineData(417, "馬拉松?C”", "馬拉松。”")] // 。 is A1 43 in Big5
    [InlineData(424, "補充?D,", "補充道,")] // 道 is B9 44
    public void Repair_Big5LostLeadWhoseTrailIsACapitalBeforeAMark_IsRepaired(int index, string damaged, string expected)
    {
        // A capital starts a term only before Chinese text ("A股"); between the mark and punctuation it is the trail byte.
        var (c, result) = Corruption.Repaired("big5-out-of-step", index);
        Assert.Contains(damaged, c.Damaged, StringComparison.Ordinal);

        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gbk-out-of-step", 2610, "市場的訂單")] // the page writes 訂單 elsewhere ("訂單也比往年提早到位")
    [InlineData("big5-out-of-step", 886, "十分鐘內")] // and 分鐘 ("最後一分鐘")
    public void Repair_LostCharacterMakingAPairThePageWrites_IsThatPairs(string kind, int index, string expected)
    {
        // Between its neighbours the lost character has rivals the model likes as well or better (簡單, 十分期); the page
        // writes the pair the right one makes, more often than its two characters' counts predict.
        var (c, result) = Corruption.Repaired(kind, index);
        Assert.DoesNotContain(expected, c.Damaged, StringComparison.Ordinal);

        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3121, "小孩?一項", '?')] // "為什麼…不想生小孩?": the clause asks, Chinese follows
    [InlineData(4046, "明年(2026年)", '(')] // a ')' follows that nothing opened
    public void Repair_SwallowedAsciiMarkTheTextAroundItTells_IsWrittenAndReported(int index, string expected, char mark)
    {
        // The lead byte before the mark had an ASCII trail the decoder swallowed. A digit stays U+FFFD (nothing tells
        // which); a question mark or a bracket is told by the text around it, written, and reported for review.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", index);
        Assert.Contains(expected, c.Clean, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
        var suspect = Assert.Single(result.Suspects);
        Assert.Equal(mark.ToString(), suspect.Text);
        Assert.Equal(c.Clean.IndexOf(expected, StringComparison.Ordinal) + expected.IndexOf(mark, StringComparison.Ordinal), suspect.Offset);
    }

    [Fact]
    public void Repair_SwallowedByteBeforeDigitsInAClauseThatAsks_StaysLost()
    {
        // "你会为一杯手冲咖啡花?0元吗": the swallowed byte is followed by a digit, so it was a digit, whatever the clause asks.
        var c = Corruption.Cases("gbk-out-of-step").First(x => x.Clean.StartsWith("你会为一杯", StringComparison.Ordinal) && x.Damaged.Contains("?0元", StringComparison.Ordinal));

        var result = new TextRepairer().ForPage(c.Page).Repair(c.Damaged);

        Assert.Contains("\uFFFD0元吗", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("?0元", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_LostTrailBeforeANumber_ReadsAsAnOrdinal()
    {
        // 第 (B5 DA) lost its trail byte, and the swallowed byte after it was the 1 of 15. The word-pair corpus writes
        // "第15" as one number token, so 第 is never seen before a number; read as part of the number, it beats 到.
        var (c, result) = Corruption.Repaired("gbk-out-of-step", 852);
        Assert.Contains("的第15个", c.Clean, StringComparison.Ordinal);

        Assert.Equal(c.Clean.Replace("第15个", "第\uFFFD5个", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void Repair_CharacterLostWholeBeforeItsNote_ComesFromTheCharactersOfTheNotesReading()
    {
        // "追??zōng)": 蹤 lost both bytes and the note's '('. 蹤 is not among the commonest characters a lost pair is
        // chosen from, but the note names its reading.
        var (c, result) = Corruption.Repaired("gbk-out-of-step-noted", 906);
        Assert.Contains("追??zōng)", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Theory]
    [InlineData("gbk-out-of-step", 14, "前三季度")]
    [InlineData("gbk-out-of-step", 547, "前十名")]
    public void Repair_LostLeadThatCouldBeAnOpeningQuote_IsNotAQuoteNothingCloses(string kind, int index, string expected)
    {
        // 前 (C7 B0) and “ (A1 B0) share their trail byte; with the lead lost, only the text tells them apart, and a
        // quote opened with no closing mark anywhere after it is the unlikelier reading.
        var (c, result) = Corruption.Repaired(kind, index);
        Assert.Contains(expected, c.Clean, StringComparison.Ordinal);
        Assert.DoesNotContain(expected, c.Damaged, StringComparison.Ordinal);

        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("“", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_LostCharacterBeforeASwallowedParagraphEnd_IsReadAtTheEndOfTheParagraph()
    {
        // Split inside 。: its trail byte read as a lead swallowed the '<' of "</p>". After "的发布会" a paragraph ends
        // with 。; read before a '<' and "/p>", "发布会上" won.
        var original = "此前，长沙安弘传媒董事长林俊杰取消了原定于下月举行的发布会。</p>";
        var offset = Damage.MidCharacterOffsets(original).ElementAt(original.IndexOf('。', StringComparison.Ordinal));
        var damaged = Damage.ChunkSplit(original, offset);
        Assert.EndsWith("发布会??/p>", damaged, StringComparison.Ordinal);

        var result = PageOf(CleanCorpus.Simplified.Append(damaged)).Repair(damaged);

        Assert.StartsWith(original[..^"</p>".Length], result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_ChunkSplitInsideQuote_RestoresQuoteAndFollowingText()
    {
        // GBK bytes split inside "。", read by a stateless decoder, then full-width marks folded: the sample page's history.
        var original = "他說這是一個難題。”看似怪誕，但這段話反映了很多用戶的體驗。";
        var clean = Damage.FoldPunctuation(original);
        var offset = Damage.MidCharacterOffsets(original).ElementAt(original.IndexOf('。', StringComparison.Ordinal));
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(original, offset));
        Assert.NotEqual(clean, damaged);
        Assert.Contains("?", damaged, StringComparison.Ordinal);

        var result = PageOf(CleanCorpus.Traditional.Append(damaged)).Repair(damaged);

        Assert.Equal(clean, result.Text);
        var edit = Assert.Single(result.Edits);
        Assert.Equal("gbk-out-of-step", edit.Kind);
        Assert.StartsWith("?", edit.Before, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_DecoderSwallowedTagBracket_RestoresBracketSoTheTagCanGo()
    {
        var clean = "“我們還是應該把精力集中在做出更好的基礎模型上，這才是王道。”</p>";
        var offset = Damage.MidCharacterOffsets(clean).ElementAt(clean.IndexOf('。', StringComparison.Ordinal));
        var damaged = Damage.ChunkSplit(clean, offset);
        Assert.Contains("/p>", damaged, StringComparison.Ordinal);
        Assert.DoesNotContain("</p>", damaged, StringComparison.Ordinal);

        var result = PageOf(CleanCorpus.Traditional.Append(damaged)).Repair(damaged);

        Assert.Equal(clean.Replace("</p>", string.Empty, StringComparison.Ordinal), result.Text);
        Assert.Contains(result.Edits, e => e.Kind == "html-remnant" && e.Before == "</p>");
    }

    [Theory]
    [MemberData(nameof(CleanParagraphs))]
    public void Repair_CleanParagraph_IsNeverChanged(string paragraph)
    {
        var page = PageOf(CleanCorpus.Simplified.Concat(CleanCorpus.Traditional));

        var result = page.Repair(paragraph);

        Assert.Equal(paragraph, result.Text);
        Assert.Empty(result.Edits);
    }

    public static TheoryData<string> CleanParagraphs()
    {
        var data = new TheoryData<string>();
        foreach (var p in CleanCorpus.Simplified.Concat(CleanCorpus.Traditional))
        {
            data.Add(p);
            data.Add(Damage.FoldPunctuation(p));
        }

        return data;
    }

    [Fact]
    public void Repair_SplitInsideAnyCharacter_RestoresMostSpansExactlyAndNeverLeavesMoreDamage()
    {
        var core = CleanCorpus.Traditional.Take(CleanCorpus.Core).ToList();
        int cases = 0, exact = 0;
        foreach (var paragraph in core)
        {
            var clean = Damage.FoldPunctuation(paragraph);
            foreach (var offset in Damage.MidCharacterOffsets(paragraph).Skip(1))
            {
                var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, offset));
                // The page holds the other paragraphs and the damaged one: its clean text would be a perfect second copy.
                var page = PageOf(core.Select(p => p == paragraph ? damaged : Damage.FoldPunctuation(p)));
                var repaired = page.Repair(damaged).Text;
                cases++;
                exact += string.Equals(repaired, clean, StringComparison.Ordinal) ? 1 : 0;
                Assert.True(Levenshtein.Distance(repaired, clean) <= Levenshtein.Distance(damaged, clean), $"repair made '{damaged}' worse: '{repaired}'");
            }
        }

        // The benchmark (bench/) reports the exact share per damage kind; this pins a floor so a regression shows.
        // A swallowed digit is written only when the page shows it (a wrong figure is worse than a visible gap), which
        // leaves 436 of 537 exact.
        Assert.True(exact >= cases * 0.80, $"restored {exact} of {cases} chunk splits exactly");
    }

    [Fact]
    public void Repair_DigitSwallowedWithoutEvidence_StandsAsReplacementCharAndIsReported()
    {
        // Nothing on the page says which digit it was.
        var (clean, damaged, others) = SplitBeforeAFigure();

        var result = PageOf(others.Append(damaged)).Repair(damaged);

        Assert.Equal(clean.Replace("27条", "\uFFFD7条", StringComparison.Ordinal), result.Text);
        var lost = result.Text.IndexOf('\uFFFD', StringComparison.Ordinal);
        Assert.Contains(result.Suspects, s => s.Kind == "gbk-out-of-step" && s.Text == "\uFFFD" && s.Offset == lost);
    }

    [Fact]
    public void Repair_DigitSwallowedWhereTheRepeatedParagraphShowsIt_IsRestored()
    {
        // A page that repeats its article holds the paragraph again, undamaged at the figure: its digit is the one lost.
        var (clean, damaged, others) = SplitBeforeAFigure();

        Assert.Equal(clean, PageOf(others.Append(damaged).Append(clean)).Repair(damaged).Text);
    }

    [Fact]
    public void Repair_DigitSwallowedWhereAnotherSentenceWritesTheSamePhrase_StaysLost()
    {
        // The page writes "公交线路37条," in another sentence: the same words before another figure are no copy of this
        // one, and a digit read from them would change the figure without a trace.
        var (clean, damaged, others) = SplitBeforeAFigure();
        const string other = "去年全市新开通公交线路37条,新增公交站点120个,覆盖了城郊的12个乡镇。";

        Assert.Equal(clean.Replace("27条", "\uFFFD7条", StringComparison.Ordinal), PageOf(others.Append(damaged).Append(other)).Repair(damaged).Text);
    }

    /// <summary>
    /// The paragraph with "27条" split inside its first character: the run reads out of step up to "27条", where the last
    /// character's trail byte met the '2' and the decoder swallowed it. With the other simplified paragraphs, folded.
    /// </summary>
    private static (string Clean, string Damaged, IEnumerable<string> Others) SplitBeforeAFigure()
    {
        var paragraph = CleanCorpus.Simplified.First(p => p.Contains("27条", StringComparison.Ordinal));
        var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, Damage.MidCharacterOffsets(paragraph).First()));
        Assert.Contains("?7条", damaged, StringComparison.Ordinal);
        return (Damage.FoldPunctuation(paragraph), damaged, CleanCorpus.Simplified.Where(p => p != paragraph).Select(Damage.FoldPunctuation));
    }

    [Fact]
    public void Repair_DigitSwallowedWhereThePageWritesOneDigitAfterTheWordBefore_StaysLost()
    {
        // The page writes "回升至41" again and again, never with this figure's "1.3%" after it: the page's pairs favour
        // a 4 by far, but a figure is no habit of the page.
        var paragraph = "该公司表示，今年前三季度的毛利率回升至11.3%左右。";
        var damaged = Damage.ChunkSplit(paragraph, Damage.MidCharacterOffsets(paragraph).First());
        Assert.Contains("?1.3%", damaged, StringComparison.Ordinal);
        string[] others =
        [
            "去年同期，该公司的毛利率回升至41.2%左右。",
            "分析师认为，行业的平均毛利率回升至41.0%的水平。",
            "其中，海外业务的毛利率回升至41.8%，创下新高。",
            "报告显示，零售板块的毛利率回升至41.5%。",
        ];

        var result = new TextRepairer().ForPage(others.Append(damaged)).Repair(damaged);

        Assert.Equal(paragraph.Replace("11.3%", "\uFFFD1.3%", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void Repair_ReplacementCharBeforeFullStop_LeavesTheTextNoWorse()
    {
        // A UTF-8 decoder's U+FFFD where one character was: the text after it is clean, and reading it one byte out
        // of step turns "。" into a trail byte's ASCII letter ("間C"). Getting rid of the mark is no reason to do that.
        var page = CleanCorpus.Traditional.Select(Damage.FoldPunctuation).ToList();
        var repairer = new TextRepairer().ForPage(page);
        int cases = 0, before = 0, after = 0;
        foreach (var clean in page.Where(p => p.EndsWith('。') && p.Length > 2 && NewsEtl.Text.HanChar.IsHan(p[^2])))
        {
            var damaged = clean[..^2] + "\uFFFD。";
            var repaired = repairer.Repair(damaged).Text;
            cases++;
            before += Levenshtein.Distance(damaged, clean);
            after += Levenshtein.Distance(repaired, clean);
        }

        Assert.True(cases >= 20, $"only {cases} paragraphs end in a Han character and a full stop");
        Assert.True(after <= before, $"{cases} paragraphs: {before} characters wrong before repair, {after} after");
    }
}
