using System.Text;
using NewsEtl.Loading;

namespace NewsEtl.Repair;

/// <summary>
/// Byte-level view of a double-byte legacy charset (GBK, Big5) as a stateless decoder saw it:
/// which bytes lead, which pairs are characters, and each character's bytes.
/// </summary>
internal sealed class DoubleByteCodec
{
    private static readonly Lazy<DoubleByteCodec> GbkCodec = new(() => new DoubleByteCodec("gbk", 936));
    private static readonly Lazy<DoubleByteCodec> Big5Codec = new(() => new DoubleByteCodec("big5", 950));

    // Decoded character for each (lead, trail) pair; '\0' where the pair is not a character.
    private readonly char[] _pairs = new char[256 * 256];
    private readonly ushort[] _bytesOf = new ushort[char.MaxValue + 1];
    private readonly Dictionary<char, byte> _singleByte = [];

    // The characters of WithTrail and WithLead for each byte, in byte order: a lost byte's candidates, asked for often.
    private readonly char[][] _withTrail = new char[256][];
    private readonly char[][] _withLead = new char[256][];

    private DoubleByteCodec(string name, int codePage)
    {
        Name = name;
        Encodings.EnsureRegistered();
        var encoding = Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        // Single bytes above 0x7F that decode on their own (0x80 is '€' in code page 936).
        for (var b = 0x80; b <= 0xFF; b++)
        {
            try
            {
                var decoded = encoding.GetString([(byte)b]);
                if (decoded.Length == 1 && decoded[0] != '\uFFFD' && decoded[0] != '?')
                {
                    _singleByte[decoded[0]] = (byte)b;
                }
            }
            catch (DecoderFallbackException)
            {
                // A lead byte: not a character alone.
            }
        }

        var pair = new byte[2];
        Span<char> one = stackalloc char[2];
        for (var lead = 0x81; lead <= 0xFE; lead++)
        {
            for (var trail = 0x40; trail <= 0xFE; trail++)
            {
                pair[0] = (byte)lead;
                pair[1] = (byte)trail;
                try
                {
                    if (encoding.GetChars(pair, one) == 1 && one[0] != '\uFFFD')
                    {
                        _pairs[(lead << 8) | trail] = one[0];
                        if (_bytesOf[one[0]] == 0)
                        {
                            _bytesOf[one[0]] = (ushort)((lead << 8) | trail);
                        }
                    }
                }
                catch (DecoderFallbackException)
                {
                    // Not a character in this charset.
                }
            }
        }

        var simplifiedOnly = 0;
        foreach (var c in _pairs)
        {
            simplifiedOnly += c != '\0' && Text.ChineseScript.IsSimplifiedOnly(c) ? 1 : 0;
        }

        WritesSimplifiedScript = simplifiedOnly >= MinSimplifiedOnly;
        for (var b = 0; b < 256; b++)
        {
            _withTrail[b] = [.. WithTrail(b).Select(x => x.Char)];
            _withLead[b] = [.. WithLead(b).Select(x => x.Char)];
        }
    }

    // GBK writes about 2,000 characters that only the simplified script uses; Big5 writes a handful at most.
    private const int MinSimplifiedOnly = 500;

    /// <summary>
    /// Whether the charset can carry simplified-Chinese text: GBK can, Big5 cannot (it has almost none of the
    /// characters only the simplified script uses), so a page in simplified script was never a Big5 stream.
    /// </summary>
    public bool WritesSimplifiedScript { get; }

    public static DoubleByteCodec Gbk => GbkCodec.Value;

    public static DoubleByteCodec Big5 => Big5Codec.Value;

    public string Name { get; }

    /// <summary>The character a lead and trail byte form, or '\0'.</summary>
    public char Decode(int lead, int trail) => lead is >= 0x81 and <= 0xFE && trail is >= 0x40 and <= 0xFE ? _pairs[(lead << 8) | trail] : '\0';

    /// <summary>The two bytes of a double-byte character, or 0 when the charset has no such character.</summary>
    public ushort BytesOf(char c) => _bytesOf[c];

    /// <summary>The byte of a character that the charset writes as one byte above 0x7F, or null.</summary>
    public byte? SingleByteOf(char c) => _singleByte.TryGetValue(c, out var b) ? b : null;

    /// <summary>The character a high byte stands for on its own, or null when it is a lead byte.</summary>
    public char? SingleByteChar(int b)
    {
        foreach (var (c, value) in _singleByte)
        {
            if (value == b)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The characters of <see cref="WithTrail"/>, in the order of their lead bytes.</summary>
    public char[] CharactersWithTrail(int trail) => _withTrail[trail & 0xFF];

    /// <summary>The characters of <see cref="WithLead"/>, in the order of their trail bytes.</summary>
    public char[] CharactersWithLead(int lead) => _withLead[lead & 0xFF];

    /// <summary>All characters whose trail byte is <paramref name="trail"/> (the lead byte was lost).</summary>
    public IEnumerable<(int Lead, char Char)> WithTrail(int trail)
    {
        for (var lead = 0x81; lead <= 0xFE; lead++)
        {
            var c = Decode(lead, trail);
            if (c != '\0')
            {
                yield return (lead, c);
            }
        }
    }

    /// <summary>All characters whose lead byte is <paramref name="lead"/> (the trail byte was lost).</summary>
    public IEnumerable<(int Trail, char Char)> WithLead(int lead)
    {
        for (var trail = 0x40; trail <= 0xFE; trail++)
        {
            var c = Decode(lead, trail);
            if (c != '\0')
            {
                yield return (trail, c);
            }
        }
    }

    /// <summary>Every double-byte character of the charset (both bytes lost).</summary>
    public IEnumerable<char> AllCharacters()
    {
        foreach (var c in _pairs)
        {
            if (c != '\0')
            {
                yield return c;
            }
        }
    }
}
