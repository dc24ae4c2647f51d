using System.Globalization;

namespace NewsEtl.Dedup;

/// <summary>
/// A content hash as records carry it (SHA-256 as 64 lower-case hex digits) held in 32 bytes instead of a 150-byte
/// string; any other text is kept as it is. Two keys are equal exactly when their texts are.
/// </summary>
internal readonly record struct ContentKey(ulong A, ulong B, ulong C, ulong D, string? Text)
{
    private const int Digits = 64;

    public static ContentKey From(string hash)
    {
        if (hash.Length != Digits || !IsLowerHex(hash))
        {
            return new ContentKey(0, 0, 0, 0, hash);
        }

        var span = hash.AsSpan();
        return new ContentKey(Part(span[..16]), Part(span[16..32]), Part(span[32..48]), Part(span[48..]), null);
    }

    public override string ToString() =>
        Text ?? string.Create(Digits, this, static (chars, key) =>
        {
            key.A.TryFormat(chars[..16], out _, "x16", CultureInfo.InvariantCulture);
            key.B.TryFormat(chars[16..32], out _, "x16", CultureInfo.InvariantCulture);
            key.C.TryFormat(chars[32..48], out _, "x16", CultureInfo.InvariantCulture);
            key.D.TryFormat(chars[48..], out _, "x16", CultureInfo.InvariantCulture);
        });

    private static ulong Part(ReadOnlySpan<char> digits) => ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

    internal static bool IsLowerHex(string text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
