using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class WholeRunMojibakeRepairTests
{
    private const string Simplified = "苹果公司在发布会上宣布，新系统将首次支持通话实时翻译。";
    private const string Traditional = "這間開業超過四十年的老書店下個月將熄燈，店主說：「房租實在付不起了。」";

    private static RepairResult Repair(string damaged, IReadOnlyList<string> corpus)
    {
        var page = corpus.Append(damaged).ToList();
        return new TextRepairer().ForPage(page).Repair(damaged);
    }

    private static string Garble(string text, int start, int length, Func<string, string> misread) =>
        text[..start] + misread(text.Substring(start, length)) + text[(start + length)..];

    [Theory]
    [InlineData("utf8-as-gbk")]
    [InlineData("utf8-as-latin1")]
    [InlineData("utf8-as-cp1252")]
    [InlineData("double-utf8")]
    public void Repair_Utf8MisreadRun_RestoresTextAndNamesTheMisreading(string kind)
    {
        Func<string, string> misread = kind switch
        {
            "utf8-as-gbk" => s => Damage.Misread(s, Encoding.UTF8, Damage.Gbk),
            "utf8-as-latin1" => s => Damage.Misread(s, Encoding.UTF8, Encoding.Latin1),
            "utf8-as-cp1252" => s => Damage.Misread(s, Encoding.UTF8, Damage.Windows1252),
            _ => Damage.DoubleUtf8,
        };
        var damaged = Garble(Simplified, 4, 6, misread);
        Assert.NotEqual(Simplified, damaged);

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Equal(Simplified, result.Text);
        var edit = Assert.Single(result.Edits);
        Assert.Equal(kind, edit.Kind);
        Assert.Equal(4, edit.Offset);
        Assert.Equal("在发布会上", edit.After[..5]);
        Assert.InRange(edit.Confidence, 0.5, 1.0);
    }

    [Theory]
    [InlineData("经过三轮谈判，双方最终同意将关税税率维持在现有水平。", "双方最")]
    [InlineData("故宫博物院今年将推出《千里江山图》数字展，观众可以通过手机扫码参观。", "字展")]
    public void Repair_ShortUtf8ReadAsGbkRunOfCharactersTheDictionaryCounts_IsFoundAndRestored(string clean, string misread)
    {
        // "鍙屾柟鏈€" and "瀛楀睍": the word list counts these characters thousands of times (it holds entries that are
        // themselves misread), but they lie outside GB2312 and Big5's frequent level, so the run is still suspect.
        var start = clean.IndexOf(misread, StringComparison.Ordinal);
        var damaged = Garble(clean, start, misread.Length, s => Damage.Misread(s, Encoding.UTF8, Damage.Gbk));
        Assert.DoesNotContain('?', damaged);

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Equal(clean, result.Text);
        Assert.Equal("utf8-as-gbk", Assert.Single(result.Edits).Kind);
    }

    [Fact]
    public void Repair_GarbleLeftRightAfterARepairedMisreading_IsReportedNotLeftSilently()
    {
        // The misread stretch "个，到2" reads back as far as "个，"; "到" lost a byte with the '2' it swallowed, and the
        // one character left ("鍒", common enough in the word list) is too little to start a run on its own.
        const string clean = "该市今年计划新建和改建公园40个，到2025年底，市民出门步行15分钟就能到达一处公园绿地。";
        var start = clean.IndexOf('个', StringComparison.Ordinal);
        var damaged = Garble(clean, start, 4, s => Damage.Misread(s, Encoding.UTF8, Damage.Gbk));
        var left = damaged.IndexOf('鍒', StringComparison.Ordinal);
        Assert.True(left > 0, damaged);

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Contains("40个，", result.Text, StringComparison.Ordinal);
        var at = result.Text.IndexOf('鍒', StringComparison.Ordinal);
        if (at >= 0)
        {
            // Left as it was, it is reported where it stands.
            Assert.Contains(result.Suspects, s => s.Offset == at && s.Text.StartsWith('鍒'));
        }
    }

    [Theory]
    [InlineData('鍙', true)]
    [InlineData('屾', true)]
    [InlineData('睍', true)]
    [InlineData('双', false)]
    [InlineData('最', false)]
    [InlineData('經', false)]
    [InlineData('關', false)]
    public void Weight_CharacterOutsideEverydayCharsets_IsEvidenceWhateverTheWordListCounts(char c, bool suspect)
    {
        Assert.Equal(suspect, NewsEtl.Text.CharEvidence.Weight(c) > 0);
    }

    [Theory]
    [InlineData(false, 936, 28591, "gbk-as-latin1")]
    [InlineData(true, 936, 28591, "gbk-as-latin1")]
    [InlineData(true, 950, 1252, "big5-as-cp1252")]
    public void Repair_DoubleByteTextReadAsLatin_IsDecodedInItsCharset(bool traditional, int writtenAs, int readAs, string kind)
    {
        // "ÖÐ¹ú" for "中国": every character stands for one byte, and the bytes pair up into the double-byte charset.
        var clean = traditional ? Traditional : Simplified;
        var written = writtenAs == 936 ? Damage.Gbk : Damage.Big5;
        var read = readAs == 1252 ? Damage.Windows1252 : Encoding.Latin1;
        var start = clean.IndexOf('，', StringComparison.Ordinal) + 1;
        var damaged = Garble(clean, start, 8, s => Damage.Misread(s, written, read));
        Assert.DoesNotContain(damaged, c => c is >= '\u4E00' and <= '\u9FFF' && clean.IndexOf(c, start) is var at && at >= start && at < start + 8 && damaged.IndexOf(c, start) == at);

        var result = Repair(damaged, traditional ? CleanCorpus.Traditional : CleanCorpus.Simplified);

        Assert.Equal(clean, result.Text);
        var edit = Assert.Single(result.Edits);
        // Named Windows-1252 only when the run holds one of that charset's own characters.
        Assert.StartsWith(kind[..kind.IndexOf("-as-", StringComparison.Ordinal)], edit.Kind, StringComparison.Ordinal);
        Assert.Equal(kind.EndsWith("latin1", StringComparison.Ordinal) ? kind : edit.Kind, edit.Kind);
    }

    [Fact]
    public void Repair_WholeParagraphOfGbkReadAsLatin1_WithAsciiInside_IsDecodedWhole()
    {
        // ASCII inside the run stands for itself ("ÔÚiOSÆ½Ì¨" is "在iOS平台"): the reading goes across it.
        const string clean = "在iOS平台上线首周，这款应用的下载量就进入了效率类排行榜的前十名。";
        var damaged = Damage.Misread(clean, Damage.Gbk, Encoding.Latin1);
        Assert.StartsWith("ÔÚiOS", damaged, StringComparison.Ordinal);

        var result = Repair(damaged, CleanCorpus.Simplified.Where(p => p != clean).ToList());

        Assert.Equal(clean, result.Text);
    }

    [Theory]
    [InlineData("法國球星姆巴佩（Kylian Mbappé）在賽後表示，球隊會在下一場比賽中做出調整。")]
    [InlineData("這家總部位於蘇黎世（Zürich）的公司，去年營收成長了12%。")]
    [InlineData("倫敦一杯咖啡的售價已經漲到£4.5，比五年前貴了將近一半。")]
    [InlineData("这道菜的灵感来自法式甜点crème brûlée，口感却完全不同。")]
    public void Repair_CleanTextWithLatinLetters_IsNotReadAsDoubleByteBytes(string text)
    {
        var traditional = NewsEtl.Text.ChineseScript.Detect([text]) == "zh-Hant";

        var result = Repair(text, traditional ? CleanCorpus.Traditional : CleanCorpus.Simplified);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkWithOddByteCount_InfersTheLostLastByte()
    {
        // Three UTF-8 bytes per character, two per GBK character: an odd count leaves a lone byte the decoder shows as '?'.
        var damaged = Garble(Simplified, 5, 3, s => Damage.Misread(s, Encoding.UTF8, Damage.Gbk));
        Assert.EndsWith("?", Damage.Misread("发布会", Encoding.UTF8, Damage.Gbk), StringComparison.Ordinal);

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Equal(Simplified, result.Text);
        Assert.Equal("utf8-as-gbk", Assert.Single(result.Edits).Kind);
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkSwallowingADigit_LeavesItVisibleAndReportedNotGuessed()
    {
        // The whole paragraph as UTF-8 read as GBK: where the last byte of "路" meets '2', GBK shows '?' and drops the
        // '2'. Nothing in the sentence tells which digit it was, so the repair must not write one.
        const string clean = "记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条，日均客运量比去年同期增长12.4%。";
        var damaged = Damage.Misread(clean, Encoding.UTF8, Damage.Gbk);
        Assert.Contains("?7", damaged, StringComparison.Ordinal);

        var result = Repair(damaged, [.. CleanCorpus.Simplified.Where(p => p != clean)]);

        Assert.Equal(clean.Replace("路27条", "路\uFFFD7条", StringComparison.Ordinal), result.Text);
        var suspect = Assert.Single(result.Suspects);
        Assert.Equal(result.Text.IndexOf('\uFFFD', StringComparison.Ordinal), suspect.Offset);
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkRunEndingAtASwallowedDigit_NeverDropsItSilently()
    {
        // Only "个，到2" was misread: "鍒?025". A reading that ended at the '?' would give "到025", a year missing
        // its first digit with nothing to show for it; the digit is marked lost, or the garble stays in sight.
        const string clean = "该市今年计划新建和改建公园40个，到2025年底，市民出门步行15分钟就能到达一处公园绿地。";
        var start = clean.IndexOf("个，到2", StringComparison.Ordinal);
        var damaged = Garble(clean, start, 4, s => Damage.Misread(s, Encoding.UTF8, Damage.Gbk));
        Assert.Contains("?025", damaged, StringComparison.Ordinal);

        var result = Repair(damaged, [.. CleanCorpus.Simplified.Where(p => p != clean)]);

        Assert.DoesNotContain("到025", result.Text, StringComparison.Ordinal);
        Assert.True(result.Text.Contains("到\uFFFD025", StringComparison.Ordinal) || result.Text.Contains("?025", StringComparison.Ordinal), result.Text);
        Assert.StartsWith("该市今年计划新建和改建公园40个，", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkRunEndingAtASwallowedDigit_IsReadToItsEndDespiteThePageHoldingIt()
    {
        // "个，到2" misread, the 2 swallowed by a '?' ("?025"). The page holds the damaged text too; were the misread
        // character and the mark after it counted as a pair the page writes, the garble would vouch for itself and the
        // reading would stop short of it, at "个，".
        var (c, result) = Corruption.Repaired("utf8-as-gbk", 48);
        Assert.Contains("40", c.Damaged, StringComparison.Ordinal);
        Assert.Contains("?025年底", c.Damaged, StringComparison.Ordinal);
        Assert.DoesNotContain("个，", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean.Replace("到2025", "到\uFFFD025", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void Repair_Utf8ReadAsGbkCharacterBeforeASwallowedDigit_IsChosenWithTheNumberAfterIt()
    {
        // "原价3" misread: 价 lost its last byte to the '?' that swallowed the 3 ("?000元"). Chosen with nothing to its
        // right, the character is 件 (原件); with the number after it, 价.
        var (c, result) = Corruption.Repaired("utf8-as-gbk", 96);
        Assert.Contains("?000元", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean.Replace("原价3000", "原价\uFFFD000", StringComparison.Ordinal), result.Text);
    }

    [Fact]
    public void Repair_QuestionMarkInsideAUtf8MisreadParagraph_IsLeftToTheMisreadingsReading()
    {
        // "超时?" and then the rest of the paragraph misread: read out of step from the '?', "一位" became "其竴" and the
        // misreading after it was no longer found; the text after the mark reads as UTF-8 for many characters, so
        // the mark is left to the whole-run repair.
        var (c, result) = Corruption.Repaired("utf8-as-gbk", 55);
        Assert.Contains("超时?一位", c.Clean, StringComparison.Ordinal);
        Assert.Contains("?", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
        Assert.DoesNotContain(result.Edits, e => e.Kind == "gbk-out-of-step");
    }

    [Fact]
    public void Utf8Length_MisreadRunReadsLong_OutOfStepGarbleAndCleanTextDoNot()
    {
        const string clean = "一位骑手告诉记者";
        var misread = Damage.Misread(clean, Encoding.UTF8, Damage.Gbk);

        // Eight characters are 24 bytes; GBK pairs 23 of them and shows the last alone as '?', where the reading stops.
        Assert.Equal(clean.Length - 1, Utf8Misreading.AsGbk.Utf8Length(misread, 0, 2 * clean.Length));
        Assert.True(Utf8Misreading.AsGbk.Utf8Length(clean, 0, clean.Length) < OutOfStepRepair.MinMisreadCharacters);

        // After every mark in every out-of-step case of the benchmark, the garble breaks the decoding sooner.
        foreach (var kind in new[] { "gbk-out-of-step", "big5-out-of-step", "gbk-out-of-step-noted" })
        {
            foreach (var c in Corruption.Cases(kind))
            {
                for (var i = c.Damaged.IndexOf('?', StringComparison.Ordinal); i >= 0; i = c.Damaged.IndexOf('?', i + 1))
                {
                    Assert.True(Utf8Misreading.AsGbk.Utf8Length(c.Damaged, i + 1, OutOfStepRepair.MisreadProbe) < OutOfStepRepair.MinMisreadCharacters, c.Damaged);
                }
            }
        }
    }

    [Fact]
    public void Repair_QuestionMarkBeforeAUtf8MisreadRun_IsNotReadOutOfStepIntoOtherGarble()
    {
        // The whole text misread but its question mark: read from that mark as a lost lead byte, the run turns into
        // other garble, as improbable as it was. That explains nothing; the misreading of UTF-8 that does is left to
        // be found.
        var (c, result) = Corruption.Repaired("utf8-as-gbk", 101);
        Assert.Contains("吗?在上海", c.Clean, StringComparison.Ordinal);
        Assert.Contains("?", c.Damaged, StringComparison.Ordinal);
        Assert.DoesNotContain("在上海", c.Damaged, StringComparison.Ordinal);

        Assert.Equal(c.Clean, result.Text);
    }

    [Fact]
    public void Repair_GbkReadAsBig5_RestoresSimplifiedRun()
    {
        var damaged = Garble(Simplified, 4, 6, s => Damage.Misread(s, Damage.Gbk, Damage.Big5));

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Equal(Simplified, result.Text);
        Assert.All(result.Edits, e => Assert.Equal("gbk-as-big5", e.Kind));
    }

    [Fact]
    public void Repair_Big5ReadAsGbk_RestoresTraditionalRun()
    {
        var damaged = Garble(Traditional, 2, 8, s => Damage.Misread(s, Damage.Big5, Damage.Gbk));

        var result = Repair(damaged, CleanCorpus.Traditional);

        Assert.Equal(Traditional, result.Text);
        Assert.All(result.Edits, e => Assert.Equal("big5-as-gbk", e.Kind));
    }

    [Fact]
    public void Repair_ReplacementCharacter_StaysVisibleAndIsReported()
    {
        var damaged = Simplified.Replace('布', '\uFFFD');

        var result = Repair(damaged, CleanCorpus.Simplified);

        Assert.Equal(damaged, result.Text);
        Assert.Empty(result.Edits);
        Assert.Contains(result.Suspects, s => s.Text.Contains('\uFFFD', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("葡萄牙主帅José Mourinho在赛后表示，球队的防守还需要改进。")]
    [InlineData("這番話(huà)來自某智能協(xié)作產品的負責人。")]
    [InlineData("气温骤降10℃以上，局地还将出现降雪（约5厘米）。")]
    [InlineData("埃隆·马斯克说：“一切以调查结果为准。”")]
    public void Repair_LatinWordsPinyinNotesAndSymbols_AreNotMojibake(string text)
    {
        var result = new WholeRunMojibakeRepair(new TextScorer(NewsEtl.Text.WordModel.Default, new PageStatistics(CleanCorpus.Simplified.Append(text)))).Apply(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
        Assert.Empty(result.Suspects);
    }
}
