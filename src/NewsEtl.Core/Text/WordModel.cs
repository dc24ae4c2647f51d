using System.Globalization;

namespace NewsEtl.Text;

/// <summary>
/// A unigram word model of written Chinese (the jieba dictionary's words and frequencies, simplified script):
/// a text scores as its most probable segmentation into words, so "上的花費" beats "上心花費" where
/// character pairs alone cannot tell.
/// </summary>
public sealed class WordModel
{
    /// <summary>Words longer than this are not looked up (few and rare).</summary>
    public const int MaxWordLength = 8;

    private static readonly Lazy<WordModel> Shared = new(Load);

    private readonly WordTable _logProbabilities;

    // The words no lone Latin capital stands before as part of a term (see NoTermAfterCapital).
    private readonly WordTable _noTermAfterCapital;

    // For each character, the lengths of the words it starts and of the words it ends (bit n - 1 for length n).
    // Segmentation asks for every span of up to eight characters, and most are no word: two array reads turn most of
    // them away before the string is hashed.
    private readonly byte[] _startsLengths = new byte[char.MaxValue + 1];
    private readonly byte[] _endsLengths = new byte[char.MaxValue + 1];

    // Which pairs of characters begin a word of two or more, and which end one, as bits of a hash of the pair (2^20
    // bits each, 128 KB): most spans of common characters pass the length test above, and the pair their first two
    // characters make, or their last two, is no word's; these turn them away before the table is probed.
    private const int PairBits = 20;
    private readonly ulong[] _startPairs = new ulong[(1 << PairBits) / 64];
    private readonly ulong[] _endPairs = new ulong[(1 << PairBits) / 64];

    // How often each character occurs in running text, inside words or alone: the word frequencies spread over the
    // characters of each word. "达" is a rare word but a common character (达到, 表达).
    private readonly float[] _characterShares = new float[char.MaxValue + 1];

    private WordModel(WordTable logProbabilities, WordTable noTermAfterCapital, double logTotal)
    {
        _logProbabilities = logProbabilities;
        _noTermAfterCapital = noTermAfterCapital;
        UnknownCharacter = -logTotal - 2;
        var mass = new double[char.MaxValue + 1];
        var totalMass = 0.0;
        for (var n = 0; n < logProbabilities.Count; n++)
        {
            var word = logProbabilities.WordAt(n);
            var logp = logProbabilities.ValueAt(n);
            var bit = (byte)(1 << (word.Length - 1));
            _startsLengths[word[0]] |= bit;
            _endsLengths[word[^1]] |= bit;
            if (word.Length > 1)
            {
                Set(_startPairs, word[0], word[1]);
                Set(_endPairs, word[^2], word[^1]);
            }

            var p = Math.Exp(logp);
            foreach (var c in word)
            {
                mass[c] += p;
            }

            totalMass += p * word.Length;
        }

        for (var c = 0; c < mass.Length; c++)
        {
            _characterShares[c] = (float)(mass[c] / totalMass);
        }
    }

    public static WordModel Default => Shared.Value;

    /// <summary>Log-probability given to a Han character that is no word on its own.</summary>
    public double UnknownCharacter { get; }

    /// <summary>Log-probability of a simplified-script word, or null when the dictionary does not have it.</summary>
    public double? Word(ReadOnlySpan<char> simplified)
    {
        if (simplified.IsEmpty || simplified.Length > MaxWordLength
            || (_startsLengths[simplified[0]] & _endsLengths[simplified[^1]] & (1 << (simplified.Length - 1))) == 0
            || (simplified.Length > 1 && !(IsSet(_startPairs, simplified[0], simplified[1]) && IsSet(_endPairs, simplified[^2], simplified[^1]))))
        {
            return null;
        }

        return _logProbabilities.TryGetValue(simplified, out var logp) ? logp : null;
    }

    public int Count => _logProbabilities.Count;

    /// <summary>
    /// Whether a simplified-script word is one a lone Latin capital never makes a term with: an adverb, conjunction,
    /// pronoun or preposition (但, 就, 这, 而是), an adjective (大, 贵), a suffix (者, 们), a particle (了, 的, 着, 吗),
    /// or a verb of two characters or more (突破, 进入), by the dictionary's part of speech. Chinese writes a capital alone before a noun or a measure ("A股", "B站", "C端", "Z世代",
    /// "M公司"); one of these words after it says the capital is no term's. Verbs of one character are left out: the
    /// dictionary tags 站 and 端 as verbs.
    /// </summary>
    public bool NoTermAfterCapital(ReadOnlySpan<char> simplified) => _noTermAfterCapital.TryGetValue(simplified, out _);

    /// <summary>
    /// Whether a simplified-script word leans on the word before it and so never begins a clause: a particle (了, 的,
    /// 着, 过, 吗) or a suffix (者, 们), by the dictionary's part of speech. "平均；了10元" is no reading of "平均?F了".
    /// </summary>
    public bool IsEnclitic(ReadOnlySpan<char> simplified) =>
        _noTermAfterCapital.TryGetValue(simplified, out var value) && value >= Enclitic;

    /// <summary>The words and their log-probabilities, as loaded.</summary>
    internal WordTable Table => _logProbabilities;

    private static uint PairHash(char a, char b) => (((uint)a * 0x9E3779B1u) ^ ((uint)b * 0x85EBCA77u)) >> (32 - PairBits);

    private static void Set(ulong[] bits, char a, char b)
    {
        var h = PairHash(a, b);
        bits[h >> 6] |= 1UL << (int)(h & 63);
    }

    private static bool IsSet(ulong[] bits, char a, char b)
    {
        var h = PairHash(a, b);
        return (bits[h >> 6] & (1UL << (int)(h & 63))) != 0;
    }

    /// <summary>The share of a simplified character among all the characters of running text.</summary>
    public double CharacterShare(char simplified) => _characterShares[simplified];

    private static WordModel Load()
    {
        // Counts first (as floats: the largest, under 10^6, exact, is exact enough), then log-probabilities once the total is known.
        var builder = new WordTable.Builder();
        var noTerm = new WordTable.Builder();
        long total = 0;
        foreach (var line in EmbeddedData.Lines("words.txt"))
        {
            var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
            if (firstSpace <= 0 || firstSpace > MaxWordLength)
            {
                continue;
            }

            var secondSpace = line.IndexOf(' ', firstSpace + 1);
            var freqText = secondSpace < 0 ? line.AsSpan(firstSpace + 1) : line.AsSpan(firstSpace + 1, secondSpace - firstSpace - 1);
            if (long.TryParse(freqText, NumberStyles.None, CultureInfo.InvariantCulture, out var freq) && freq > 0)
            {
                builder.Add(line.AsSpan(0, firstSpace), freq);
                total += freq;
                if (secondSpace > 0 && IsNoTermClass(line.AsSpan(secondSpace + 1).Trim(), firstSpace))
                {
                    noTerm.Add(line.AsSpan(0, firstSpace), IsEncliticClass(line.AsSpan(secondSpace + 1).Trim()) ? Enclitic : 1);
                }
            }
        }

        var logTotal = Math.Log(total);
        for (var i = 0; i < builder.Count; i++)
        {
            builder[i] = (float)(Math.Log(builder[i]) - logTotal);
        }

        return new WordModel(builder.Build(), noTerm.Build(), logTotal);
    }

    // The value the no-term table keeps for an enclitic word; 1 for the others.
    private const float Enclitic = 2;

    /// <summary>The dictionary's part-of-speech tags of <see cref="IsEnclitic(ReadOnlySpan{char})"/> words: particles, modal particles, suffixes.</summary>
    private static bool IsEncliticClass(ReadOnlySpan<char> tag) => tag is "k" or "u" or "ul" or "uj" or "uz" or "ug" or "ud" or "uv" or "y";

    /// <summary>The dictionary's part-of-speech tags of <see cref="NoTermAfterCapital"/> words (jieba's tag set).</summary>
    private static bool IsNoTermClass(ReadOnlySpan<char> tag, int length) => tag switch
    {
        "d" or "ad" or "df" or "dg" or "c" or "r" or "rr" or "rz" or "rg" or "p" => true,
        "a" => true,
        _ when IsEncliticClass(tag) => true,
        "v" or "vn" or "vd" or "vi" => length > 1,
        _ => false,
    };
}
