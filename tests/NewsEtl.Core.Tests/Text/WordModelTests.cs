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
}
