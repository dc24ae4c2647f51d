using System.Globalization;

namespace NewsEtl.Text;

/// <summary>
/// How improbable each character is in Chinese news text, as a small weight read from one table:
/// mojibake is made of rare Han characters, Latin-1 letters, kana, box drawing and private-use code points,
/// while clean text is made of common ones. Built once from the word dictionary's character counts.
/// </summary>
public static class CharEvidence
{
    /// <summary>A character this improbable on its own is evidence enough to look at its neighbours.</summary>
    public const int Strong = 3;

    private const byte WeightMask = 0b11;
    private const byte SimplifiedOnlyBit = 0b100;
    private const byte TraditionalOnlyBit = 0b1000;

    // Counts are summed word frequencies (about 10^8 in all): below these a Han character is rare in news text.
    private const long Unseen = 30;
    private const long Rare = 1000;

    private static readonly Lazy<byte[]> Table = new(Build);

    /// <summary>0 for an ordinary character, up to <see cref="Strong"/> for one that clean Chinese text hardly ever has.</summary>
    public static int Weight(char c) => Table.Value[c] & WeightMask;

    /// <summary>
    /// The weight of a character on a page of the given script: a simplified-only character in traditional text
    /// (or the reverse) adds one, since converters and misreadings leave them and clean pages seldom do.
    /// </summary>
    public static int Weight(char c, bool traditionalPage)
    {
        var entry = Table.Value[c];
        var weight = entry & WeightMask;
        var foreignScript = traditionalPage ? (entry & SimplifiedOnlyBit) != 0 : (entry & TraditionalOnlyBit) != 0;
        return foreignScript ? Math.Min(Strong, weight + 1) : weight;
    }

    private static byte[] Build()
    {
        var counts = new long[char.MaxValue + 1];
        foreach (var line in EmbeddedData.Lines("words.txt"))
        {
            var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
            var secondSpace = firstSpace < 0 ? -1 : line.IndexOf(' ', firstSpace + 1);
            if (firstSpace <= 0)
            {
                continue;
            }

            var freqText = secondSpace < 0 ? line.AsSpan(firstSpace + 1) : line.AsSpan(firstSpace + 1, secondSpace - firstSpace - 1);
            if (long.TryParse(freqText, NumberStyles.None, CultureInfo.InvariantCulture, out var freq))
            {
                foreach (var c in line.AsSpan(0, firstSpace))
                {
                    counts[c] += freq;
                }
            }
        }

        var common = CommonSets();
        var table = new byte[char.MaxValue + 1];
        for (var i = 0x80; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var weight = HanChar.IsHan(c) ? HanWeight(counts[ChineseScript.ToSimplified(c)], common[i]) : OtherWeight(c);
            var bits = (ChineseScript.IsSimplifiedOnly(c) ? SimplifiedOnlyBit : 0) | (ChineseScript.IsTraditionalOnly(c) ? TraditionalOnlyBit : 0);
            table[i] = (byte)(weight | bits);
        }

        return table;
    }

    /// <summary>
    /// The weight of a Han character by its count, one more when neither charset's everyday repertoire has it. The
    /// dictionary's counts alone miss the characters misreadings make most: it holds entries that are themselves
    /// UTF-8 read as GBK ("鍙", "锛" and "涓" are counted thousands of times), and such characters mostly fall outside
    /// GB2312 and Big5's frequent level, which clean news text seldom leaves.
    /// </summary>
    private static int HanWeight(long count, bool common)
    {
        var weight = count < Unseen ? 2 : count < Rare ? 1 : 0;
        return common ? weight : Math.Min(2, weight + 1);
    }

    /// <summary>
    /// True for each character of GB2312 (GBK's lead and trail bytes both A1–FE) or of Big5's frequent level
    /// (A440–C67E): the repertoire everyday simplified and traditional text is written in.
    /// </summary>
    private static bool[] CommonSets()
    {
        Loading.Encodings.EnsureRegistered();
        var common = new bool[char.MaxValue + 1];
        Span<byte> pair = stackalloc byte[2];
        Span<char> decoded = stackalloc char[2];
        foreach (var (codePage, from, to) in new[] { (936, 0xA1A1, 0xF7FE), (950, 0xA440, 0xC67E) })
        {
            var decoder = System.Text.Encoding.GetEncoding(codePage).GetDecoder();
            for (var code = from; code <= to; code++)
            {
                pair[0] = (byte)(code >> 8);
                pair[1] = (byte)code;
                if (pair[1] < (codePage == 936 ? 0xA1 : 0x40) || pair[1] == 0xFF || (codePage == 950 && pair[1] is > 0x7E and < 0xA1))
                {
                    continue;
                }

                decoder.Reset();
                if (decoder.GetChars(pair, decoded, flush: true) == 1 && decoded[0] != '\uFFFD' && decoded[0] != '?')
                {
                    common[decoded[0]] = true;
                }
            }
        }

        return common;
    }

    private static int OtherWeight(char c) => c switch
    {
        // Marks clean Chinese text uses: the middle dot of foreign names, degrees, multiplication, typographic quotes and dashes.
        '·' or '×' or '÷' or '°' or '±' or '²' or '³' or '€' or '£' or '¥' or '©' or '®' or '℃' or '‰' or '№' or '→' or '←' or '※' or '★' or '☆' or '●' or '○' or '■' or '□' or '△' or '▲' or '◆' or '√' => 0,
        _ when HanChar.IsCjkPunctuation(c) => 0,
        >= '\u2010' and <= '\u2027' => 0,
        '\uFFFD' => Strong,
        // C1 controls: what a Latin-1 reading makes of UTF-8 continuation bytes.
        < '\u00A0' => Strong,
        // Latin-1 letters and symbols: single ones occur in names (José), runs are UTF-8 read as Latin-1 or Windows-1252.
        <= '\u00FF' => 2,
        // The rest of Windows-1252's upper half.
        'ƒ' or 'ˆ' or '˜' or 'Š' or 'š' or 'Œ' or 'œ' or 'Ž' or 'ž' or 'Ÿ' or '™' or '‹' or '›' => 2,
        // Other Latin letters with diacritics (pinyin tone marks among them) stay plausible, as do emoji (surrogates) and fullwidth letters.
        >= '\u0100' and <= '\u024F' => 0,
        >= '\uD800' and <= '\uDFFF' => 0,
        >= '\uFF01' and <= '\uFF5E' => 0,
        >= '\u2000' and <= '\u206F' => 0,
        // Greek, Cyrillic, Hangul and enclosed forms do occur in news, but seldom between Han characters.
        >= '\u0370' and <= '\u04FF' => 2,
        >= '\uAC00' and <= '\uD7AF' => 2,
        >= '\u3200' and <= '\u33FF' => 2,
        // Box drawing, kana, bopomofo, private use, compatibility and small forms, half-width katakana: what misread double-byte text turns into.
        >= '\u2500' and <= '\u259F' => Strong,
        >= '\u3040' and <= '\u312F' => Strong,
        >= '\uE000' and <= '\uF8FF' => Strong,
        >= '\uFE30' and <= '\uFE6F' => Strong,
        >= '\uFF61' and <= '\uFF9F' => Strong,
        // Other symbols (arrows, mathematical operators, letterlike forms): plausible alone, telling in a run.
        _ => 1,
    };
}
