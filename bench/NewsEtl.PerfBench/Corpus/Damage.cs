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
    public static string OutOfStep(string text, Random random, int chunkBytes)
    {
        var bytes = GbkStrict.GetBytes(text);
        var sb = new StringBuilder(text.Length + 16);
        var start = 0;
        while (start < bytes.Length)
        {
            var cut = MidCharacter(bytes, start + chunkBytes / 2 + random.Next(chunkBytes));
            if (cut < 0)
            {
                sb.Append(Gbk.GetString(bytes, start, bytes.Length - start));
                break;
            }

            sb.Append(Gbk.GetString(bytes, start, cut - start));
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
