using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Repair;

public sealed class PinyinNoteRepairTests
{
    [Theory]
    [InlineData("聯(lián)合", "聯合")]
    [InlineData("聯(lian)合", "聯合")] // converters that drop the tone marks
    [InlineData("產（chǎn）品", "產品")]
    [InlineData("綠(lǜ)色", "綠色")]
    [InlineData("綠(lü)色", "綠色")]
    public void ANoteThatIsAReadingOfTheCharacterBeforeIt_IsRemoved(string text, string expected)
    {
        var result = PinyinNoteRepair.Apply(text);

        Assert.Equal(expected, result.Text);
        Assert.Single(result.Edits);
    }

    [Theory]
    [InlineData("人工智能(AI)技術")]
    [InlineData("蘋果(iOS)系統")]
    [InlineData("去年(2024年)")]
    [InlineData("普通(尤其是在普通用戶眼中)")]
    [InlineData("公司(men)")] // a toneless syllable that is no reading of the character: an English word
    public void OtherParentheses_Stay(string text)
    {
        var result = PinyinNoteRepair.Apply(text);

        Assert.Equal(text, result.Text);
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void ATonedSyllableThatDoesNotFitTheCharacter_StaysAndIsReported()
    {
        var result = PinyinNoteRepair.Apply("聯(chǎn)合");

        Assert.Equal("聯(chǎn)合", result.Text);
        Assert.Empty(result.Edits);
        Assert.Single(result.Suspects);
    }

    [Theory]
    [InlineData("mén", "men")]
    [InlineData("lǜ", "lü")]
    [InlineData("chuàng", "chuang")]
    [InlineData("ǹg", "ng")]
    [InlineData("men", "men")]
    public void StripTones_RemovesToneMarks_AndKeepsTheDiaeresis(string toned, string plain)
    {
        Assert.Equal(plain, PinyinReadings.StripTones(toned));
        Assert.Equal(toned != plain, PinyinReadings.IsToned(toned));
    }

    [Theory]
    [InlineData("(mén)店", "mén")]
    [InlineData("（yīng）", "yīng")]
    [InlineData("(men)", "men")]
    [InlineData("(AI)", null)]
    [InlineData("(mén店", null)]
    [InlineData("(xyz)", null)]
    [InlineData("mén)", null)]
    public void NoteAt_ReadsASyllableInBrackets_AtTheStart(string text, string? expected)
    {
        Assert.Equal(expected, PinyinReadings.NoteAt(text));
    }

    [Theory]
    [InlineData("文 | 新消費(fèi)日報 趙婧", "文 | 新消費日報 趙婧")]
    [InlineData("聯(lián)合(AI)產（chǎn）品", "聯合(AI)產品")]
    [InlineData("(mén)店", "(mén)店")] // no character before it: not a note
    [InlineData("公司(2024年)", "公司(2024年)")]
    public void WithoutNotes_LeavesOutNotesAfterHanCharacters(string text, string expected)
    {
        Assert.Equal(expected, PinyinReadings.WithoutNotes(text));
    }
}
