using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Text;

public sealed class WordTableTests
{
    [Fact]
    public void TryGetValue_ManyWords_AgreesWithADictionaryForPresentAndAbsentSpans()
    {
        // Enough words to fill many slots and collide: two- to four-character strings over a small Han range.
        var random = new Random(11);
        var expected = new Dictionary<string, float>(StringComparer.Ordinal);
        var builder = new WordTable.Builder();
        while (expected.Count < 20_000)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => (char)('\u4E00' + random.Next(300)))]);
            if (expected.TryAdd(word, (float)random.NextDouble()))
            {
                builder.Add(word, expected[word]);
            }
        }

        var table = builder.Build();
        Assert.Equal(expected.Count, table.Count);
        var text = new string([.. Enumerable.Range(0, 5_000).Select(_ => (char)('\u4E00' + random.Next(310)))]);
        var present = 0;
        for (var start = 0; start < text.Length - 4; start++)
        {
            for (var length = 1; length <= 4; length++)
            {
                var span = text.AsSpan(start, length);
                var inDictionary = expected.TryGetValue(span.ToString(), out var want);
                Assert.Equal(inDictionary, table.TryGetValue(span, out var got));
                Assert.Equal(want, got);
                present += inDictionary ? 1 : 0;
            }
        }

        // The text must have exercised both answers.
        Assert.InRange(present, 1000, 19_000);
    }

    [Fact]
    public void Build_WordAddedTwice_KeepsTheLastValueInTheFirstPlace()
    {
        var builder = new WordTable.Builder();
        builder.Add("B超", 1f);
        builder.Add("超声", 2f);
        builder.Add("B超", 3f);
        var table = builder.Build();

        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetValue("B超", out var value));
        Assert.Equal(3f, value);
        Assert.Equal("B超", table.WordAt(0).ToString());
        Assert.Equal(3f, table.ValueAt(0));
        Assert.Equal("超声", table.WordAt(1).ToString());
    }

    [Fact]
    public void TryGetValue_PrefixOrExtensionOfAWord_IsNotFound()
    {
        var builder = new WordTable.Builder();
        builder.Add("中华人民", 1f);
        var table = builder.Build();

        Assert.False(table.TryGetValue("中华人", out _));
        Assert.False(table.TryGetValue("中华人民共", out _));
        Assert.False(table.TryGetValue(string.Empty, out _));
        Assert.True(table.TryGetValue("中华人民", out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("一二三四五六七八九十一二三四五六")]
    public void Add_EmptyOrOverFifteenCharacters_IsRefused(string word) =>
        Assert.Throws<ArgumentException>(() => new WordTable.Builder().Add(word, 1f));
}
