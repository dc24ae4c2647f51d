using System.Text;
using System.Text.RegularExpressions;
using NewsEtl.Extraction;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>The template-text key, checked against its definition: pinyin notes removed by the regex, then folded.</summary>
public sealed class BoilerplateKeyTests
{
    private static readonly Regex PinyinNote = new(@"(?<=[\u3400-\u9FFF])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]", RegexOptions.CultureInvariant);

    private static string ReferenceKey(string line)
    {
        var sb = new StringBuilder();
        foreach (var c in PinyinNote.Replace(line, string.Empty))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3002' => '。',
                '\u2026' => '…',
                _ => c,
            };
            sb.Append(ChineseScript.ToSimplified(folded));
        }

        return sb.ToString();
    }

    private static IEnumerable<string> Lines()
    {
        string[] pieces =
        [
            "轉", "載", "(", ")", "（", "）", "zhuǎn", "zai", "abcdefg", "ǖ", " ", "\u3000", "\t", "，", "：", "。", "…", "Ａ", "本文为转载内容",
            "未經正式授權嚴禁轉載本文，侵權必究。", "界面新聞", "正在閱讀：", "更多", "x", "1", "\uFFFD", "(lián)", "字(a)(b)", "（ｘ）",
        ];
        var random = new Random(20190507);
        for (var n = 0; n < 3000; n++)
        {
            var sb = new StringBuilder();
            var count = random.Next(0, 14);
            for (var i = 0; i < count; i++)
            {
                sb.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return sb.ToString();
        }
    }

    [Fact]
    public void MatchKey_RandomLinesOfNotesPunctuationAndTemplateText_EqualsTheRegexDefinition()
    {
        foreach (var line in Lines())
        {
            Assert.Equal(ReferenceKey(line), Boilerplate.MatchKey(line));
        }
    }

    [Fact]
    public void BoundedKeyTests_RandomLines_AgreeWithTheWholeKey()
    {
        foreach (var line in Lines())
        {
            var key = ReferenceKey(line);
            Assert.Equal(key.StartsWith("本文为转载内容", StringComparison.Ordinal), Boilerplate.IsReprintNotice(line));
            Assert.Equal(key.StartsWith("正在阅读:", StringComparison.Ordinal), Boilerplate.KeyStartsWith(line, "正在阅读:"));
            Assert.True(Boilerplate.KeyEquals(line, key));
            Assert.False(Boilerplate.KeyEquals(line, key + "x"));
            if (key.Length > 0)
            {
                Assert.False(Boilerplate.KeyEquals(line, key[..^1]));
            }
        }
    }

    [Theory]
    [InlineData("未經正式授權嚴禁轉載本文，侵權必究。", true)]
    [InlineData("界面新聞", true)]
    [InlineData("界面新聞界面新聞界面新聞界面新聞界面新聞界面新聞界面新聞界面新聞界面新聞", false)]
    [InlineData("版權所有，這一行很長很長很長很長很長很長很長很長很長很長很長很長很長很長很長很長很長很長", true)]
    [InlineData("轉(zhuǎn)載", false)]
    [InlineData("更 多", true)]
    [InlineData("暫無評論哦,快來評價一下。", true)] // the comment box's notice with its end read differently
    [InlineData("暫無評論", false)]
    public void IsBoilerplateLine_LongAndShortLines_MatchesTemplateLinesAndPrefixesOnly(string line, bool expected)
    {
        Assert.Equal(expected, Boilerplate.IsBoilerplateLine(line));
    }

    [Theory]
    [InlineData("微着公衆號", true)] // one character read wrong
    [InlineData("微信公眾號", true)]
    [InlineData("、信公衆號", true)]
    [InlineData("掃一掃下載界面新聞", false)] // three characters short of its line
    [InlineData("微博", true)]
    [InlineData("微。", false)] // too short to tell
    [InlineData("公司微信公眾號粉絲", false)]
    [InlineData("今年以來多地出臺政策", false)]
    public void IsNearBoilerplateLine_AllowsOneCharacterOffOnlyInLongerLines(string line, bool expected)
    {
        Assert.Equal(expected, Boilerplate.IsNearBoilerplateLine(line));
    }

    [Theory]
    [InlineData("暫?o評論哦,快來評價一下吧!", true)] // 無 lost to a lead byte and its trail: two edits in a long line
    [InlineData("暫無評論哦,快來評價", true)] // a long line's end cut short by two characters
    [InlineData("微着公?號", true)] // two characters read wrong in place in a short line
    [InlineData("微着公?", false)] // two edits that are not all in place
    [InlineData("暂无评价派\uFFFD快来评价一下吧!", true)] // three read wrong in place in a long line
    [InlineData("暂无评价派\uFFFD快来评价一下!", false)]
    [InlineData("今年暫無評論哦的說法", false)]
    public void IsNearBoilerplateLine_AllowsTwoCharactersOffInLinesOfTwelveOrMore(string line, bool expected)
    {
        Assert.Equal(expected, Boilerplate.IsNearBoilerplateLine(line));
    }

    [Theory]
    [InlineData("本文爲轉載內容，授權事宜請聯系原著作權人。", true)]
    [InlineData("本文爲轉載內部\uFFFD授權事宜請聯系原著作權人。", true)] // 容 read as 部, the comma lost
    [InlineData("本的爲轉載內容,授權事宜請聯系原著作權人。", true)]
    [InlineData("本的爲轉載內部\uFFFD授權事宜請聯系原作權人。", false)] // three characters off
    [InlineData("本文轉載自新華社，授權事宜請聯系新華社。", false)]
    public void IsNearReprintNotice_AllowsTwoCharactersOff(string line, bool expected)
    {
        Assert.Equal(expected, Boilerplate.IsNearReprintNotice(line));
    }

    [Theory]
    [InlineData("微??", true)] // 微博 with both of 博's bytes lost
    [InlineData("微信公?", false)] // two characters short, one mark
    [InlineData("微", false)]
    [InlineData("微博", false)]
    [InlineData("他說?", false)]
    public void CutShortTemplateLines_AreTheStartOfOneAndLostByteMarksForTheRest(string line, bool expected) =>
        Assert.Equal(expected, Boilerplate.IsCutShortBoilerplateLine(line));

    [Theory]
    [InlineData("?⒉?", true)] // 微博 (CE A2 B2 A9) split inside 微, its last byte's trail swallowed by the line break
    [InlineData("?⒉", false)] // its lone last byte reads '?' whatever follows it
    [InlineData("微博", false)] // no lost byte: an exact match's business
    [InlineData("?⒊?", false)] // bytes no template line has
    [InlineData("他說?", false)]
    public void IsOutOfStepBoilerplateLine_IsWhatATemplateLinesBytesGiveReadOutOfStep(string line, bool expected) =>
        Assert.Equal(expected, Boilerplate.IsOutOfStepBoilerplateLine(line));
}
