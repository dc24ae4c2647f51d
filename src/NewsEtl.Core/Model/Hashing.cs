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

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));
}
