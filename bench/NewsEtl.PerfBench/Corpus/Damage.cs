using System.Text;
using NewsEtl.Loading;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.PerfBench.Corpus;

/// <summary>The damage mirror sites and text dumps carry, made the way the tools that caused it did.</summary>
internal static class Damage
{
    static Damage()
    {
        Encodings.EnsureRegistered();
        Gbk = Encoding.GetEncoding(936);
        GbkStrict = Encoding.GetEncoding(936, new EncoderReplacementFallback(string.Empty), DecoderFallback.ReplacementFallback);
        Big5Strict = Encoding.GetEncoding(950, new EncoderReplacementFallback(string.Empty), DecoderFallback.ReplacementFallback);
        Big5 = Encoding.GetEncoding(950);
        Big5BySimplified = new(Big5Forms);
    }

    private static Dictionary<char, char> Big5Forms()
    {
        var map = new Dictionary<char, char>();
        for (var lead = 0xA1; lead <= 0xF9; lead++)
        {
            foreach (var trail in Enumerable.Range(0x40, 0x3F).Concat(Enumerable.Range(0xA1, 0x5E)))
            {
                var decoded = Big5Strict.GetString([(byte)lead, (byte)trail]);
                if (decoded.Length == 1 && decoded[0] != '\uFFFD' && HanChar.IsHan(decoded[0]))
                {
                    map.TryAdd(ChineseScript.ToSimplified(decoded[0]), decoded[0]);
                }
            }
        }

        return map;
    }

    /// <summary>Big5 with its default '?' fallback, as a stateless chunk reader used it.</summary>
    public static Encoding Big5 { get; }

    // For each simplified form, a Big5 character that has it (爲 and 為 are both 为; Big5 writes only 為).
    private static readonly Lazy<Dictionary<char, char>> Big5BySimplified;

    /// <summary>
    /// Traditional text in the forms Big5 writes: a character Big5 has no code for is replaced by the Big5 character of
    /// the same simplified form (爲 → 為, 衆 → 眾), as a Taiwanese page writes it, and dropped when there is none.
    /// </summary>
    public static string ToBig5Forms(string traditional)
    {
        var sb = new StringBuilder(traditional.Length);
        foreach (var c in traditional)
        {
            if (c < 0x80 || Big5Strict.GetByteCount(c.ToString()) > 0)
            {
                sb.Append(c);
            }
            else if (Big5BySimplified.Value.TryGetValue(ChineseScript.ToSimplified(c), out var form))
            {
                sb.Append(form);
            }
        }

        return sb.ToString();
    }

    /// <summary>GBK with its default '?' fallback, as a stateless chunk reader used it.</summary>
    public static Encoding Gbk { get; }

    /// <summary>GBK that drops characters it cannot encode, for writing clean legacy pages.</summary>
    public static Encoding GbkStrict { get; }

    /// <summary>Big5 that drops characters it cannot encode.</summary>
    public static Encoding Big5Strict { get; }

    /// <summary>
    /// Encodes to GBK and decodes chunk by chunk with a fresh (stateless) decoder, each chunk ending inside a
    /// double-byte character: the lost lead byte becomes '?' and the next chunk is read out of step until an ASCII byte.
    /// </summary>
    public static string OutOfStep(string text, Random random, int chunkBytes) => OutOfStep(text, random, chunkBytes, GbkStrict, Gbk);

    /// <summary>As <see cref="OutOfStep(string, Random, int)"/>, in another double-byte charset (written strictly, read with its fallback).</summary>
    public static string OutOfStep(string text, Random random, int chunkBytes, Encoding writer, Encoding reader)
    {
        var bytes = writer.GetBytes(text);
        var sb = new StringBuilder(text.Length + 16);
        var start = 0;
        while (start < bytes.Length)
        {
            var cut = MidCharacter(bytes, start + chunkBytes / 2 + random.Next(chunkBytes));
            if (cut < 0)
            {
                sb.Append(reader.GetString(bytes, start, bytes.Length - start));
                break;
            }

            sb.Append(reader.GetString(bytes, start, cut - start));
            start = cut;
        }

        return sb.ToString();
    }

    /// <summary>，：；？！（） in ASCII form, as many script converters write them.</summary>
    public static string FoldPunctuation(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = PunctuationWidth.ToNarrow(source[i]);
        }
    });

    /// <summary>A converter's pinyin notes after some traditional-only characters ("規(guī)律").</summary>
    public static string PinyinNotes(string traditional, Random random, int oneIn)
    {
        var sb = new StringBuilder(traditional.Length + 64);
        foreach (var c in traditional)
        {
            sb.Append(c);
            if (ChineseScript.IsTraditionalOnly(c) && random.Next(oneIn) == 0 && PinyinReadings.Of(c) is [var reading, ..])
            {
                sb.Append('(').Append(reading).Append(')');
            }
        }

        return sb.ToString();
    }

    /// <summary>The offset of the first trail byte at or after <paramref name="from"/> (a cut there splits a character), or -1.</summary>
    private static int MidCharacter(byte[] bytes, int from)
    {
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] < 0x80)
            {
                i++;
                continue;
            }

            if (i + 1 >= from && i + 1 < bytes.Length)
            {
                return i + 1;
            }

            i += 2;
        }

        return -1;
    }
}
