using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>
/// A converter's pinyin notes beside out-of-step damage, as on the sample page: a note after a damaged place tells
/// which character stood there, and the notes around it are no context for the language model.
/// </summary>
public sealed class NoteEvidenceTests
{
    private static string Repair(string damaged, params string[] page) =>
        new TextRepairer().ForPage([.. page, damaged]).Repair(damaged).Text;

    [Fact]
    public void ALostLeadByteBeforeANote_IsTheCharacterTheNoteReads()
    {
        // 門 is E9 54 in GBK: its lead byte lost, the trail is a 'T'; the note after it says mén.
        var repaired = Repair("成了對一家同行企業的收購,曙迅?T(mén)店研發人員數量增加。");

        Assert.Equal("成了對一家同行企業的收購,曙迅門店研發人員數量增加。", repaired);
    }

    [Fact]
    public void ANoteWhoseBracketWasSwallowed_IsSkippedForContext_AndReadsTheCharacter()
    {
        // 記 (BC C7) split after its lead byte: C7 swallowed the note's '(' and the rest of the note follows.
        var text = CleanCorpus.Traditional.First(p => p.StartsWith("記者從市交通委員會", StringComparison.Ordinal));
        var damaged = "??jì)者從市交通委員(yuán)會" + text["記者從市交通委員會".Length..];

        var repaired = Repair(damaged);

        Assert.StartsWith("記者從市交通委員會", repaired, StringComparison.Ordinal);
    }

    [Fact]
    public void ACharacterLostInsideANote_IsTheLetterThatMakesItAReading_AndTheNoteGoes()
    {
        // ì is A8 AC in GBK: split after A8, the AC took the note's ')' with it, so both bytes and the bracket are gone.
        var repaired = Repair("記(j??者從市交通委員(yuán)會獲(huò)悉,今年前三季度全市新開通公交線(xiàn)路27條。");

        Assert.Equal("記者從市交通委員會獲悉,今年前三季度全市新開通公交線路27條。", repaired);
    }

    [Fact]
    public void ALetterLostInsideALongerNote_IsReadWithTheCharacterBeforeTheNoteInView()
    {
        // ō is A8 AD: "說(shu" is five characters, more than the four the model looks back.
        var repaired = Repair("“我們(mén)希望在年底前完成改造。”項(xiàng)目負責(zé)人王建國說(shu??,目前工程進度已經(jīng)超過七成。");

        Assert.Equal("“我們希望在年底前完成改造。”項目負責人王建國說,目前工程進度已經超過七成。", repaired);
    }

    [Fact]
    public void ACharacterLostWholeBeforeItsNote_IsTheCommonCharacterTheNoteReads()
    {
        // 責 is D8 9F: the lead byte lost at the split, 9F took the note's '(' with it. 责 is rare as a word of its own
        // and common inside words (负责), so only its share of running text puts it among the candidates.
        var repaired = Repair("項(xiàng)目負??zé)人王建國說(shuō),目前工程進度已經(jīng)超過七成。");

        Assert.Equal("項目負責人王建國說,目前工程進度已經超過七成。", repaired);
    }

    [Theory]
    [InlineData("交通委員會獲(hu", 4, "委員會獲(hu")]
    [InlineData("交通委員會獲悉", 4, "員會獲悉")]
    [InlineData("獲(hu", 4, "獲(hu")]
    public void Tail_KeepsAnOpenNoteAndTheCharactersBeforeIt(string text, int count, string expected)
    {
        Assert.Equal(expected, NoteFreeContext.Tail(text, count));
    }

    [Theory]
    [InlineData("記(j", true)]
    [InlineData("會獲（hu", true)]
    [InlineData("記(", false)]
    [InlineData("(j", false)]
    [InlineData("記(jì)", false)]
    [InlineData("記(AI", false)]
    public void EndsInsideNote_IsABracketAfterAHanCharacterAndPinyinLetters(string left, bool expected)
    {
        Assert.Equal(expected, NoteFreeContext.EndsInsideNote(left));
    }

    [Theory]
    [InlineData('ò', "", -NoteEvidence.ToneOutsideNote)]
    [InlineData('ò', "我們", -NoteEvidence.ToneOutsideNote)]
    [InlineData('ì', "記(j", 0)]
    [InlineData('ì', "記（j", 0)]
    [InlineData('ì', "(", -NoteEvidence.ToneOutsideNote)]
    [InlineData('a', "", 0)]
    [InlineData('們', "", 0)]
    public void ATonedLetter_IsUnlikelyOutsideANote(char c, string left, double expected)
    {
        Assert.Equal(expected, NoteEvidence.Placement(c, left));
    }

    [Theory]
    [InlineData('門', "mén", NoteEvidence.Toned)]
    [InlineData('門', "men", NoteEvidence.Toneless)]
    [InlineData('們', "lián", 0)]
    [InlineData('T', "mén", 0)]
    [InlineData('門', null, 0)]
    public void For_CountsANoteThatReadsTheCharacter(char c, string? note, double expected)
    {
        Assert.Equal(expected, NoteEvidence.For(c, note));
    }

    [Fact]
    public void NoteFreeContext_LeavesNotesOut_OnEitherSide()
    {
        Assert.Equal("悉,今", NoteFreeContext.Start("(huò)悉,今年", 3));
        Assert.Equal("悉(AI", NoteFreeContext.Start("悉(AI)", 4));
        Assert.Equal("委員會獲", NoteFreeContext.End(new StringBuilder("交通委員(yuán)會獲(huò)"), 4));
        Assert.Equal("記(j", NoteFreeContext.End(new StringBuilder("記(j"), 4));
        Assert.Equal(3, NoteFreeContext.RestOfNote("jì)者從"));
        Assert.Null(NoteFreeContext.RestOfNote("者從市交通委"));
    }

    [Fact]
    public void Between_SeesThePageWithoutNotes()
    {
        var page = new PageStatistics(["委員(yuán)會獲(huò)悉,今年", "委員會獲?"]);

        Assert.Equal(1, page.Between("會獲", 1, ",今")["悉"]);
    }
}
