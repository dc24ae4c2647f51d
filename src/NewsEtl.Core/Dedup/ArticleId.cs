using System.Globalization;

namespace NewsEtl.Dedup;

/// <summary>
/// A record id as records carry it (16 lower-case hex digits) held in 8 bytes instead of a 56-byte string; any other
/// text is kept as it is. Two ids are equal exactly when their texts are.
/// </summary>
internal readonly record struct ArticleId(ulong Value, string? Text)
{
    private const int Digits = 16;

    public static ArticleId From(string id) =>
        id.Length == Digits && ContentKey.IsLowerHex(id)
            ? new ArticleId(ulong.Parse(id, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture), null)
            : new ArticleId(0, id);

    public override string ToString() => Text ?? Value.ToString("x16", CultureInfo.InvariantCulture);
}
