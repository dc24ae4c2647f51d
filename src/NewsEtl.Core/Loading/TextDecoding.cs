using System.Text;

namespace NewsEtl.Loading;

/// <summary>Decodes a whole input with one stateful decoder, counting the sequences it could not map.</summary>
internal static class TextDecoding
{
    private const int ChunkBytes = 64 * 1024;

    public static (string Text, int InvalidSequences) Decode(ReadOnlySpan<byte> bytes, string charset)
    {
        var fallback = new CountingDecoderFallback();
        var encoding = CharsetNames.Create(charset, fallback);
        var decoder = encoding.GetDecoder();

        // One decoder for the whole input: it carries a multi-byte character split across two chunks.
        // Fresh decoders per chunk would turn each such split into replacement characters.
        // Room for bytes the decoder held back from the previous chunk, too.
        var chars = new char[encoding.GetMaxCharCount(ChunkBytes + 8)];
        var text = new StringBuilder(bytes.Length);
        var offset = 0;
        do
        {
            var take = Math.Min(ChunkBytes, bytes.Length - offset);
            var last = offset + take == bytes.Length;
            var count = decoder.GetChars(bytes.Slice(offset, take), chars, flush: last);
            text.Append(chars, 0, count);
            offset += take;
        }
        while (offset < bytes.Length);

        return (text.ToString(), fallback.Count);
    }
}
