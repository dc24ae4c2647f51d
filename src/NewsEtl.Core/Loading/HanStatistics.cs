using System.Collections;
using System.Text;

namespace NewsEtl.Loading;

/// <summary>
/// Tells GBK from Big5 by decoding with both and asking which text is made of the common characters of its own charset:
/// the right decoding is almost all GB2312 level-1 hanzi (or Big5 frequent hanzi) and punctuation; the wrong one is
/// scattered over rare characters, unassigned codes and invalid bytes.
/// </summary>
internal static class HanStatistics
{
    private const int SampleBytes = 256 * 1024;

    // GB2312: rows A1-A3 punctuation and full-width forms, B0-D7 the 3,755 level-1 (most frequent) hanzi.
    private static readonly Lazy<BitArray> GbCommon = new(() => Build(936, [(0xA1, 0xA3), (0xB0, 0xD7)], [(0xA1, 0xFE)]));

    // Big5: A140-A3BF symbols and punctuation, A440-C67E the 5,401 frequently used hanzi.
    private static readonly Lazy<BitArray> Big5Common = new(() => Build(950, [(0xA1, 0xC6)], [(0x40, 0x7E), (0xA1, 0xFE)]));

    /// <summary>"gbk" or "big5", whichever decodes <paramref name="bytes"/> into more common characters; GBK on a tie.</summary>
    public static string Choose(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, SampleBytes)];
        var gb = TextDecoding.Use(sample, CharsetNames.Gbk, text => Score(text, GbCommon.Value));
        var big5 = TextDecoding.Use(sample, CharsetNames.Big5, text => Score(text, Big5Common.Value));
        return big5 > gb ? CharsetNames.Big5 : CharsetNames.Gbk;
    }

    /// <summary>The share of non-ASCII characters that are common ones (replacement and rare characters count against).</summary>
    internal static double Score(ReadOnlySpan<char> text, BitArray common)
    {
        var nonAscii = 0;
        var hits = 0;
        foreach (var c in text)
        {
            if (c < 0x80)
            {
                continue;
            }

            nonAscii++;
            if (common[c])
            {
                hits++;
            }
        }

        return nonAscii == 0 ? 0 : (double)hits / nonAscii;
    }

    private static BitArray Build(int codePage, (int From, int To)[] leads, (int From, int To)[] trails)
    {
        Encodings.EnsureRegistered();
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        var set = new BitArray(0x10000);
        Span<byte> pair = stackalloc byte[2];
        Span<char> decoded = stackalloc char[4];
        foreach (var (leadFrom, leadTo) in leads)
        {
            for (var lead = leadFrom; lead <= leadTo; lead++)
            {
                foreach (var (trailFrom, trailTo) in trails)
                {
                    for (var trail = trailFrom; trail <= trailTo; trail++)
                    {
                        pair[0] = (byte)lead;
                        pair[1] = (byte)trail;
                        var count = encoding.GetChars(pair, decoded);
                        // Unassigned codes decode to U+FFFD or the private use area: neither is common text.
                        if (count == 1 && decoded[0] != '\uFFFD' && decoded[0] is < '\uE000' or > '\uF8FF')
                        {
                            set[decoded[0]] = true;
                        }
                    }
                }
            }
        }

        return set;
    }
}
