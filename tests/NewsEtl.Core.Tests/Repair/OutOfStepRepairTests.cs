using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class OutOfStepRepairTests
{
    private static PageRepairer PageOf(IEnumerable<string> texts) => new TextRepairer().ForPage(texts);

    [Fact]
    public void Repair_ChunkSplitInsideQuote_RestoresQuoteAndFollowingText()
    {
        var clean = Damage.FoldPunctuation("他說這是一個難題。”看似怪誕，但這段話反映了很多用戶的體驗。");
        var offset = Damage.MidCharacterOffsets(clean).First(o => clean[..clean.IndexOf('。', StringComparison.Ordinal)].Length * 2 + 1 == o);
        var damaged = Damage.ChunkSplit(clean, offset);
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
        var clean = "還是應該把精力集中在做出更好的基礎模型才是王道。”</p>";
        var offset = Damage.MidCharacterOffsets(clean).First(o => o > 40);
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
    public void Repair_SplitAtEveryCharacterOfTraditionalText_RestoresAtLeast95Percent()
    {
        var page = PageOf(CleanCorpus.Traditional.Select(Damage.FoldPunctuation));
        int cases = 0, exact = 0;
        foreach (var paragraph in CleanCorpus.Traditional.Select(Damage.FoldPunctuation))
        {
            foreach (var offset in Damage.MidCharacterOffsets(paragraph).Skip(1).Take(12))
            {
                var damaged = Damage.ChunkSplit(paragraph, offset);
                cases++;
                exact += string.Equals(page.Repair(damaged).Text, paragraph, StringComparison.Ordinal) ? 1 : 0;
            }
        }

        Assert.True(exact >= cases * 0.95, $"restored {exact} of {cases} chunk splits exactly");
    }
}
