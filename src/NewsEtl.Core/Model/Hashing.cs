using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NewsEtl.Model;

/// <summary>Stable hashes used for ids and content fingerprints.</summary>
public static class Hashing
{
    public static string Sha256Hex(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>The hash of the text's UTF-8 bytes, encoded into a pooled buffer (a body is tens of kilobytes).</summary>
    public static string Sha256Hex(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            return Sha256Hex(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
