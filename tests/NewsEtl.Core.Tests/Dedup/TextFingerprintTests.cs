using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Dedup;

public sealed class TextFingerprintTests
{
    [Theory]
    [InlineData("界面新闻记者 张华　报道：公司２０１９年营收增长１５％。")]
    [InlineData("轉(zhuǎn)載請註明出處（chù）ABC def…。")]
    [InlineData("規(guī)律 and (not pinyin) 以及（备注）")]
    [InlineData("\uFFFD\uFFFD公司\u3000\t\n發布公告！？Ｑ＆Ａ")]
    [InlineData("")]
    public void Normalize_AnyText_IsTheMatchKeyWithLettersAndDigitsOnlyInLowerCase(string text)
    {
        Assert.Equal(Reference(text), TextFingerprint.Normalize(text));
    }

    [Fact]
    public void Normalize_CorpusInBothScriptsAndDamaged_IsTheMatchKeyWithLettersAndDigitsOnly()
    {
        foreach (var paragraph in CleanCorpus.Simplified)
        {
            foreach (var text in new[] { paragraph, ChineseScript.ToTraditional(paragraph), Damage.FoldPunctuation(paragraph), new string('长', 600) + paragraph })
            {
                Assert.Equal(Reference(text), TextFingerprint.Normalize(text));
            }
        }
    }

    [Fact]
    public void Normalize_TraditionalCopy_EqualsTheSimplifiedOriginal()
    {
        var text = CleanCorpus.Simplified[0];
        Assert.Equal(TextFingerprint.Normalize(text), TextFingerprint.Normalize(ChineseScript.ToTraditional(text)));
    }

    private static string Reference(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in Boilerplate.MatchKey(text))
        {
            if (HanChar.IsHan(c) || char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}

public sealed class PageBigramsTests
{
    [Fact]
    public void SimilarToSelected_AtExactlyTheDiceOfThePair_AgreesWithSimilarity()
    {
        var random = new Random(17);
        var keys = Enumerable.Range(0, 60).Select(_ => RandomKey(random)).ToArray();
        using var grams = new PageBigrams(keys);
        for (var i = 0; i < keys.Length; i++)
        {
            grams.Select(i);
            for (var j = 0; j < keys.Length; j++)
            {
                var dice = TextFingerprint.Similarity(TextFingerprint.Bigrams(keys[i]), TextFingerprint.Bigrams(keys[j]));
                Assert.True(grams.SimilarToSelected(j, dice), $"{i}, {j} at {dice}");
                Assert.False(grams.SimilarToSelected(j, Math.BitIncrement(dice)), $"{i}, {j} above {dice}");
            }
        }
    }

    [Fact]
    public void SimilarToSelected_TextOutsideThePage_AgreesWithSimilarity()
    {
        var random = new Random(19);
        var keys = Enumerable.Range(0, 30).Select(_ => RandomKey(random)).ToArray();
        using var grams = new PageBigrams(keys);
        foreach (var header in new[] { keys[3][..^3] + "外来字", RandomKey(random), keys[7][..1] })
        {
            grams.Select(header);
            for (var j = 0; j < keys.Length; j++)
            {
                var dice = TextFingerprint.Similarity(TextFingerprint.Bigrams(header), TextFingerprint.Bigrams(keys[j]));
                Assert.True(grams.SimilarToSelected(j, dice));
                Assert.False(grams.SimilarToSelected(j, Math.BitIncrement(dice)));
            }
        }
    }

    /// <summary>Short texts over few characters, so pairs repeat within and across them and similarities vary widely.</summary>
    private static string RandomKey(Random random)
    {
        const string pool = "公司发布公告营收增长市场";
        var length = random.Next(1, 12) == 1 ? 1 : random.Next(2, 40);
        return string.Concat(Enumerable.Range(0, length).Select(_ => pool[random.Next(pool.Length)]));
    }
}
