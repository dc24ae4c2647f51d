using System.Buffers;

namespace NewsEtl.Loading;

/// <summary>Decodes a whole input in one pass, counting the sequences it could not map.</summary>
internal static class TextDecoding
{
    /// <param name="skipByteOrderMark">Leaves a leading U+FEFF out of the text (without copying it again).</param>
    public static (string Text, int InvalidSequences) Decode(ReadOnlySpan<byte> bytes, string charset, bool skipByteOrderMark = false)
    {
        var fallback = new CountingDecoderFallback();
        var encoding = CharsetNames.Create(charset, fallback);

        // Decoded into a pooled buffer and copied once into the final string: no builder growing to twice the input.
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
        try
        {
            var count = encoding.GetChars(bytes, chars);
            var start = skipByteOrderMark && count > 0 && chars[0] == '\uFEFF' ? 1 : 0;
            return (new string(chars, start, count - start), fallback.Count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>Decodes <paramref name="bytes"/> into a pooled buffer and hands the text to <paramref name="use"/> without making a string.</summary>
    public static TResult Use<TResult>(ReadOnlySpan<byte> bytes, string charset, Func<ReadOnlySpan<char>, TResult> use)
    {
        var encoding = CharsetNames.Create(charset, new CountingDecoderFallback());
        var chars = ArrayPool<char>.Shared.Rent(encoding.GetMaxCharCount(bytes.Length));
        try
        {
            return use(chars.AsSpan(0, encoding.GetChars(bytes, chars)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
