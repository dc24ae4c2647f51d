using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>A page in simplified script was never a Big5 stream, so its damage is never read as Big5's.</summary>
public sealed class CharsetScriptTests
{
    [Fact]
    public void CharactersWithTrailAndLead_AreTheCharactersOfEveryPairWithThatByte_InByteOrder()
    {
        foreach (var codec in new[] { DoubleByteCodec.Gbk, DoubleByteCodec.Big5 })
        {
            for (var b = 0; b < 256; b++)
            {
                Assert.Equal(codec.WithTrail(b).Select(x => x.Char), codec.CharactersWithTrail(b));
                Assert.Equal(codec.WithLead(b).Select(x => x.Char), codec.CharactersWithLead(b));
            }

            // 門 is E9 54 in GBK: among the characters whose trail is 'T', and whose lead is E9.
            if (codec == DoubleByteCodec.Gbk)
            {
                Assert.Contains('門', codec.CharactersWithTrail(0x54));
                Assert.Contains('門', codec.CharactersWithLead(0xE9));
            }
        }
    }

    [Fact]
    public void WritesSimplifiedScript_GbkCan_Big5CannotCarrySimplifiedText()
    {
        Assert.True(DoubleByteCodec.Gbk.WritesSimplifiedScript);
        Assert.False(DoubleByteCodec.Big5.WritesSimplifiedScript);
    }

    [Fact]
    public void Repair_GbkDamageOnSimplifiedPages_IsNeverReadAsBig5()
    {
        // Before the gate, some simplified paragraphs came back through a Big5 reading ("起售价?ㄔ?" as "提出").
        var simplified = Corruption.Cases("gbk-out-of-step").Where(c => ChineseScript.Detect(c.Page) == "zh-Hans").ToList();
        Assert.True(simplified.Count > 1000);
        var repairer = new TextRepairer();

        var big5Edits = simplified.SelectMany(c => repairer.ForPage(c.Page).Repair(c.Damaged).Edits).Count(e => e.Kind == "big5-out-of-step");

        Assert.Equal(0, big5Edits);
    }

    [Theory]
    [InlineData("为什么?A公司回应")]
    [InlineData("他问:为什么?B公司没有回应")]
    public void Repair_QuestionMarkBeforeACapitalOnASimplifiedPage_IsNotBig5sComma(string text)
    {
        var page = CleanCorpus.Simplified.Select(Damage.FoldPunctuation).Append(text);

        var result = new TextRepairer().ForPage(page).Repair(text);

        Assert.Equal(text, result.Text);
    }
}
