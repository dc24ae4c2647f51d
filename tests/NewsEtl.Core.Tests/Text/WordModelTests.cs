using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Text;

public sealed class WordModelTests
{
    [Fact]
    public void Word_EveryDictionaryWord_IsFoundWithItsValueDespiteTheQuickRejections()
    {
        // The length and pair filters turn spans away before the table is probed; none may turn away a real word.
        var model = WordModel.Default;
        var table = model.Table;
        Assert.True(table.Count > 300_000);
        for (var n = 0; n < table.Count; n++)
        {
            var word = table.WordAt(n);
            if (word.Length > WordModel.MaxWordLength)
            {
                continue;
            }

            var found = model.Word(word);
            Assert.True(found is not null, $"not found: {word}");
            Assert.Equal(table.ValueAt(n), found!.Value, 5);
        }
    }

    [Theory]
    [InlineData("的的")]
    [InlineData("了了了")]
    [InlineData("国家了")]
    public void Word_SpanOfCommonCharactersThatIsNoWord_IsNull(string span) => Assert.Null(WordModel.Default.Word(span));

    [Theory]
    [InlineData("突破")] // a verb of two characters
    [InlineData("进入")]
    [InlineData("但")] // a conjunction
    [InlineData("而是")]
    [InlineData("这")] // a pronoun
    [InlineData("就")] // an adverb
    [InlineData("大")] // an adjective
    [InlineData("贵")]
    [InlineData("者")] // a suffix
    [InlineData("了")] // a particle
    public void NoTermAfterCapital_FunctionWordsAndLongerVerbs_AreNoTermsWithACapital(string word) =>
        Assert.True(WordModel.Default.NoTermAfterCapital(word));

    [Theory]
    [InlineData("公司")] // "A公司"
    [InlineData("股")] // "A股", a measure word in the dictionary
    [InlineData("站")] // "B站": the dictionary tags it a verb, but one of one character
    [InlineData("端")] // "C端"
    [InlineData("世代")] // "Z世代", a time word
    [InlineData("队")] // "A队"
    public void NoTermAfterCapital_NounsMeasuresAndOneCharacterVerbs_MayFollowACapital(string word) =>
        Assert.False(WordModel.Default.NoTermAfterCapital(word));

    [Theory]
    [InlineData("了")]
    [InlineData("的")]
    [InlineData("着")]
    [InlineData("吗")]
    [InlineData("者")]
    [InlineData("们")]
    public void IsEnclitic_ParticlesAndSuffixes_LeanOnTheWordBefore(string word) => Assert.True(WordModel.Default.IsEnclitic(word));

    [Theory]
    [InlineData("了解")] // a verb that starts with a particle's character
    [InlineData("就")]
    [InlineData("大")]
    [InlineData("公司")]
    public void IsEnclitic_OtherWords_AreNot(string word) => Assert.False(WordModel.Default.IsEnclitic(word));
}
