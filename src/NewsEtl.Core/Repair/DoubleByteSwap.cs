namespace NewsEtl.Repair;

/// <summary>
/// Text written in one double-byte charset and read in the other (GBK read as Big5, or Big5 as GBK). Both use two
/// bytes per Han character, so the misreading swaps character for character: each one is mapped back through its bytes.
/// </summary>
internal sealed class DoubleByteSwap
{
    private static readonly Lazy<DoubleByteSwap> GbkReadAsBig5 = new(() => new("gbk-as-big5", DoubleByteCodec.Gbk, DoubleByteCodec.Big5));
    private static readonly Lazy<DoubleByteSwap> Big5ReadAsGbk = new(() => new("big5-as-gbk", DoubleByteCodec.Big5, DoubleByteCodec.Gbk));

    // For each character as read, the character that was written; '\0' where the reading cannot have produced it.
    private readonly char[] _written = new char[char.MaxValue + 1];

    private DoubleByteSwap(string kind, DoubleByteCodec writtenAs, DoubleByteCodec readAs)
    {
        Kind = kind;
        for (var lead = 0x81; lead <= 0xFE; lead++)
        {
            for (var trail = 0x40; trail <= 0xFE; trail++)
            {
                var written = writtenAs.Decode(lead, trail);
                var read = readAs.Decode(lead, trail);
                if (written != '\0' && read != '\0' && _written[read] == '\0')
                {
                    _written[read] = written;
                }
            }
        }
    }

    public static DoubleByteSwap GbkAsBig5 => GbkReadAsBig5.Value;

    public static DoubleByteSwap Big5AsGbk => Big5ReadAsGbk.Value;

    public string Kind { get; }

    /// <summary>The character written where <paramref name="read"/> was read, or '\0'.</summary>
    public char Written(char read) => read < '\u0080' ? read : _written[read];

    public bool CanSwap(char c) => c >= '\u0080' && _written[c] != '\0';

    public string Swap(ReadOnlySpan<char> text)
    {
        var chars = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = _written[text[i]] is var w and not '\0' ? w : text[i];
        }

        return new string(chars);
    }
}
