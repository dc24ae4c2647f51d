using System.Text;

namespace NewsEtl.Repair;

/// <summary>
/// What a Latin-1 or Windows-1252 reading makes of a byte, backwards: the byte each character was read from. The two
/// charsets differ only in 0x80–0x9F, where Windows-1252 has its own characters (€, “, ™…) and Latin-1 its C1
/// controls; pages mix them, so either is taken.
/// </summary>
internal static class LatinBytes
{
    private static readonly Lazy<Dictionary<char, byte>> Windows1252Only = new(Build);

    /// <summary>The byte <paramref name="c"/> was read from, or -1 when neither charset reads any byte as it.</summary>
    public static int Of(char c)
    {
        if (c <= '\u00FF')
        {
            return c;
        }

        return Windows1252Only.Value.TryGetValue(c, out var b) ? b : -1;
    }

    /// <summary>True when the run holds a character that only a Windows-1252 reading makes.</summary>
    public static bool HasWindows1252Only(ReadOnlySpan<char> text) => text.ContainsAnyExceptInRange('\0', '\u00FF');

    private static Dictionary<char, byte> Build()
    {
        Loading.Encodings.EnsureRegistered();
        var encoding = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
        var map = new Dictionary<char, byte>();
        for (var b = 0x80; b <= 0x9F; b++)
        {
            var c = encoding.GetString([(byte)b]);
            if (c.Length == 1 && c[0] > '\u00FF' && c[0] != '\uFFFD')
            {
                map[c[0]] = (byte)b;
            }
        }

        return map;
    }
}
