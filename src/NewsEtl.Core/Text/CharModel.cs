using System.Globalization;

namespace NewsEtl.Text;

/// <summary>
/// Character unigram and bigram counts of written Chinese, from the jieba word-frequency dictionary
/// (simplified script; other scripts are looked up through <see cref="ChineseScript.ToSimplified(char)"/>).
/// Bigrams are counted inside words only, so a pair that is common across a word boundary scores by unigrams.
/// </summary>
public sealed class CharModel
{
    private static readonly Lazy<CharModel> Shared = new(Load);

    private readonly long[] _unigrams;
    private readonly Dictionary<uint, long> _bigrams;

    private CharModel(long[] unigrams, Dictionary<uint, long> bigrams, long total)
    {
        _unigrams = unigrams;
        _bigrams = bigrams;
        Total = total;
    }

    /// <summary>The model built from the embedded dictionary (built once, on first use).</summary>
    public static CharModel Default => Shared.Value;

    /// <summary>Sum of all unigram counts.</summary>
    public long Total { get; }

    public long Unigram(char c) => _unigrams[ChineseScript.ToSimplified(c)];

    public long Bigram(char a, char b) =>
        _bigrams.TryGetValue(Key(ChineseScript.ToSimplified(a), ChineseScript.ToSimplified(b)), out var n) ? n : 0;

    private static uint Key(char a, char b) => ((uint)a << 16) | b;

    private static CharModel Load()
    {
        var unigrams = new long[char.MaxValue + 1];
        var bigrams = new Dictionary<uint, long>(600_000);
        long total = 0;
        foreach (var line in EmbeddedData.Lines("words.txt"))
        {
            // "word freq tag": the word never contains a space.
            var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
            if (firstSpace <= 0)
            {
                continue;
            }

            var secondSpace = line.IndexOf(' ', firstSpace + 1);
            var freqText = secondSpace < 0 ? line.AsSpan(firstSpace + 1) : line.AsSpan(firstSpace + 1, secondSpace - firstSpace - 1);
            if (!long.TryParse(freqText, NumberStyles.None, CultureInfo.InvariantCulture, out var freq))
            {
                continue;
            }

            var word = line.AsSpan(0, firstSpace);
            for (var i = 0; i < word.Length; i++)
            {
                unigrams[word[i]] += freq;
                total += freq;
                if (i > 0)
                {
                    var key = Key(word[i - 1], word[i]);
                    bigrams[key] = bigrams.GetValueOrDefault(key) + freq;
                }
            }
        }

        return new CharModel(unigrams, bigrams, total);
    }
}
