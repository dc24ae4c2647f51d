namespace NewsEtl.Repair;

/// <summary>
/// UTF-8 bytes read in a legacy charset: GBK ("鍙戝竷" for "发布") or Latin-1 / Windows-1252 ("å…¬å¸" for "公司").
/// The run is written back in the charset it was read as and decoded as UTF-8; a UTF-8 byte the misreading lost
/// (GBK shows a lone lead byte as '?') is inferred from its context. Decoding must stay valid UTF-8 throughout,
/// which clean text almost never does, and that bounds the run.
/// </summary>
internal sealed class Utf8Misreading
{
    private const int MaxLookBack = 24;
    private const int MaxRun = 240;
    private const int MaxAnchors = 4;

    /// <summary>The ASCII byte (below 0x40) that GBK swallowed after a lead byte it showed as '?'.</summary>
    internal static readonly Utf8Piece SwallowedAscii = new([.. "0123456789 ,.:;!?()%-/".Select(c => c.ToString())], false);

    private readonly Func<char, int> _bytesOf;

    private Utf8Misreading(string kind, Func<char, int> bytesOf)
    {
        Kind = kind;
        _bytesOf = bytesOf;
    }

    /// <summary>UTF-8 read as GBK.</summary>
    public static Utf8Misreading AsGbk { get; } = new("utf8-as-gbk", GbkBytes);

    /// <summary>UTF-8 read as Latin-1 or Windows-1252 (the two differ only in 0x80-0x9F, and pages mix them).</summary>
    public static Utf8Misreading AsLatin { get; } = new("utf8-as-latin1", LatinByte);

    public string Kind { get; }

    /// <summary>The bytes a character was read from, as a 1- or 2-byte big-endian value with its length in the top bits; 0 when none.</summary>
    private static int GbkBytes(char c)
    {
        if (c < '\u0080')
        {
            return (1 << 16) | c;
        }

        if (DoubleByteCodec.Gbk.SingleByteOf(c) is { } single)
        {
            return (1 << 16) | single;
        }

        var pair = DoubleByteCodec.Gbk.BytesOf(c);
        return pair == 0 ? 0 : (2 << 16) | pair;
    }

    private static int LatinByte(char c) => LatinBytes.Of(c) is var b and >= 0 ? (1 << 16) | b : 0;

    /// <summary>Kind for a decoded Latin run: Windows-1252 when it used that charset's own upper-half characters.</summary>
    public string KindOf(ReadOnlySpan<char> original) =>
        ReferenceEquals(this, AsLatin) && LatinBytes.HasWindows1252Only(original) ? "utf8-as-cp1252" : Kind;

    /// <summary>
    /// Every valid UTF-8 reading of a stretch that overlaps the run: it starts where a stretch of characters the
    /// charset can write begins inside the run (a rare but clean character may lead it), or a few characters earlier.
    /// </summary>
    public IEnumerable<(int Start, int End, List<Utf8Piece> Pieces)> Readings(string text, SuspectRun run)
    {
        var anchors = 0;
        for (var anchor = run.Start; anchor < run.End && anchors < MaxAnchors; anchor++)
        {
            if (!Writable(text[anchor]) || (anchor > run.Start && Writable(text[anchor - 1])))
            {
                continue;
            }

            anchors++;
            for (var start = anchor; start >= Math.Max(0, anchor - MaxLookBack) && Writable(text[start]); start--)
            {
                foreach (var reading in From(text, start, anchor + 1))
                {
                    yield return reading;
                }
            }
        }
    }

    private bool Writable(char c) => c >= '\u0080' && _bytesOf(c) != 0;

    /// <summary>
    /// How many characters of UTF-8 the text from <paramref name="start"/> reads as, written back in the charset and
    /// decoded strictly, up to the first byte that breaks the decoding (looking at most <paramref name="max"/>
    /// characters ahead). A misread run reads as many; a charset's own text or other garble breaks within one or two.
    /// </summary>
    public int Utf8Length(string text, int start, int max)
    {
        var decoder = new Utf8Stepper();
        var pieces = new List<Utf8Piece>();
        var multiByte = false;
        for (var i = start; i < text.Length && i - start < max && Writable(text[i]); i++)
        {
            var encoded = _bytesOf(text[i]);
            var ok = (encoded >> 16) == 1 ? decoder.Push((byte)encoded) : decoder.Push((byte)(encoded >> 8)) && decoder.Push((byte)encoded);
            if (!ok)
            {
                break;
            }

            decoder.Drain(pieces, ref multiByte);
        }

        return pieces.Count;
    }

    /// <summary>Decodes from <paramref name="start"/>; yields at each character boundary at or after <paramref name="minEnd"/> where no UTF-8 sequence is open.</summary>
    private IEnumerable<(int Start, int End, List<Utf8Piece> Pieces)> From(string text, int start, int minEnd)
    {
        var pieces = new List<Utf8Piece>();
        var decoder = new Utf8Stepper();
        var multiByte = false;
        var lostAfter = false;
        for (var i = start; i < text.Length && i - start < MaxRun; i++)
        {
            var c = text[i];
            bool ok;
            if (lostAfter)
            {
                // GBK shows a lead byte as '?' when the next byte cannot trail it, and that byte (ASCII below 0x40) goes too.
                pieces.Add(SwallowedAscii);
                lostAfter = false;
            }

            if (decoder.Open && c is '?' or '\uFFFD')
            {
                // The misreading lost this byte: only a continuation byte (0x80-0xBF) fits where one is expected.
                ok = decoder.Unknown();
                lostAfter = ok && !decoder.Open && ReferenceEquals(this, AsGbk);
            }
            else
            {
                var encoded = _bytesOf(c);
                if (encoded == 0)
                {
                    yield break;
                }

                ok = (encoded >> 16) == 1 ? decoder.Push((byte)encoded) : decoder.Push((byte)(encoded >> 8)) && decoder.Push((byte)encoded);
            }

            if (!ok)
            {
                yield break;
            }

            decoder.Drain(pieces, ref multiByte);
            // Between a '?' and a digit or ASCII mark, the reading may not end: GBK swallows the ASCII byte after a
            // lead byte it shows as '?', and a reading that ended there would drop it without a trace ("到?025").
            if (!decoder.Open && multiByte && i + 1 >= minEnd && !(lostAfter && i + 1 < text.Length && text[i + 1] < '\u0040'))
            {
                yield return (start, i + 1, [.. pieces]);
            }
        }
    }
}
