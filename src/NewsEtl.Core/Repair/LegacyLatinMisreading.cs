using System.Text;

namespace NewsEtl.Repair;

/// <summary>
/// GBK or Big5 bytes read as Latin-1 or Windows-1252 ("ÖÐ¹ú" for "中国", "¤¤°ê" for "中國"): each character is
/// written back as the one byte it was read from, and the bytes are decoded in the double-byte charset. Every high
/// byte must pair with the next one into a character of the charset, and ASCII between them (digits, names) stands
/// for itself. A stretch of Latin letters in clean text hardly ever decodes so, and the scorer judges the rest.
/// </summary>
internal sealed class LegacyLatinMisreading
{
    // How far before the run a stretch may start, and how much ASCII it may cross ("Â·27Ìõ").
    private const int MaxLookBack = 24;
    private const int MaxAsciiSkip = 12;
    private const int MaxRun = 480;

    private readonly DoubleByteCodec _codec;

    private LegacyLatinMisreading(DoubleByteCodec codec) => _codec = codec;

    /// <summary>GBK read as Latin-1 or Windows-1252.</summary>
    public static LegacyLatinMisreading Gbk { get; } = new(DoubleByteCodec.Gbk);

    /// <summary>Big5 read as Latin-1 or Windows-1252.</summary>
    public static LegacyLatinMisreading Big5 { get; } = new(DoubleByteCodec.Big5);

    public static IReadOnlyList<LegacyLatinMisreading> All { get; } = [Gbk, Big5];

    /// <summary>The kind of a reading of <paramref name="original"/>: Windows-1252 when it holds that charset's own upper-half characters.</summary>
    public string KindOf(ReadOnlySpan<char> original) =>
        _codec.Name + (LatinBytes.HasWindows1252Only(original) ? "-as-cp1252" : "-as-latin1");

    /// <summary>True when the run holds a character a Latin-1 or Windows-1252 reading of a high byte makes.</summary>
    public static bool Applies(string text, SuspectRun run)
    {
        for (var i = run.Start; i < run.End; i++)
        {
            if (IsHigh(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Readings of stretches that cover the run's first Latin character: from the first few places a stretch of Latin
    /// characters may start (either byte alignment), each to the end of the run and to the longest end that decodes.
    /// </summary>
    public IEnumerable<(int Start, int End, string Text)> Readings(string text, SuspectRun run)
    {
        // The run may open with Han characters beside the Latin ones ("熄燈，µêÖ"): the stretch starts at its first Latin character.
        var anchor = run.Start;
        while (anchor < run.End && !IsHigh(text[anchor]))
        {
            anchor++;
        }

        if (anchor == run.End)
        {
            yield break;
        }

        var first = anchor;
        while (first > 0 && anchor - first < MaxLookBack)
        {
            if (IsHigh(text[first - 1]))
            {
                first--;
            }
            else
            {
                // ASCII between high bytes stands for itself ("ÔÚiOSÆ½Ì¨" is 在iOS平台) or is a trail byte, which both
                // charsets allow from 0x40 ("³o" is Big5 這): the stretch goes on before it.
                var k = first - 1;
                while (k >= 0 && text[k] is > ' ' and < '\u007F' && first - k <= MaxAsciiSkip)
                {
                    k--;
                }

                if (k < first - 1 && k >= 0 && IsHigh(text[k]) && anchor - k <= MaxLookBack)
                {
                    first = k;
                }
                else
                {
                    break;
                }
            }
        }

        // Either byte alignment, from where the Latin stretch starts and from where the run does.
        foreach (var start in new[] { first, first + 1, anchor, anchor + 1 }.Distinct())
        {
            if (start > anchor || !IsHigh(text[start]))
            {
                continue;
            }

            foreach (var reading in From(text, start, anchor + 1, run.End))
            {
                yield return reading;
            }
        }
    }

    /// <summary>Decodes from <paramref name="start"/>: the reading at the first boundary at or after <paramref name="runEnd"/>, and the longest one.</summary>
    private IEnumerable<(int Start, int End, string Text)> From(string text, int start, int minEnd, int runEnd)
    {
        var sb = new StringBuilder();
        var lead = -1;
        var ascii = 0;
        var decoded = 0;
        (int End, int Length)? atRunEnd = null;
        (int End, int Length)? longest = null;
        for (var i = start; i < text.Length && i - start < MaxRun; i++)
        {
            var c = text[i];
            var b = LatinBytes.Of(c);
            if (b < 0)
            {
                break;
            }

            if (lead >= 0)
            {
                var pair = _codec.Decode(lead, b);
                if (pair == '\0')
                {
                    break;
                }

                sb.Append(pair);
                lead = -1;
                decoded++;
                ascii = 0;
            }
            else if (b < 0x80)
            {
                if (++ascii > MaxAsciiSkip)
                {
                    break;
                }

                sb.Append(c);
                continue;
            }
            else if (_codec.SingleByteChar(b) is { } alone)
            {
                sb.Append(alone);
                ascii = 0;
                continue;
            }
            else
            {
                lead = b;
                continue;
            }

            if (i + 1 >= minEnd && decoded > 0)
            {
                longest = (i + 1, sb.Length);
                if (atRunEnd is null && i + 1 >= runEnd)
                {
                    atRunEnd = longest;
                }
            }
        }

        var reading = sb.ToString();
        if (atRunEnd is { } r)
        {
            yield return (start, r.End, reading[..r.Length]);
        }

        if (longest is { } l && l != atRunEnd)
        {
            yield return (start, l.End, reading[..l.Length]);
        }
    }

    private static bool IsHigh(char c) => c >= '\u0080' && LatinBytes.Of(c) >= 0;
}
