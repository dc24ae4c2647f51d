using System.Collections.Frozen;
using System.Text;

namespace NewsEtl.Text;

/// <summary>Character-level conversion between traditional and simplified script, and script detection.</summary>
public static class ChineseScript
{
    private static readonly Lazy<FrozenDictionary<char, char>> TraditionalToSimplified = new(() => Load("t2s.tsv"));
    private static readonly Lazy<FrozenDictionary<char, char>> SimplifiedToTraditional = new(() => Load("s2t.tsv"));

    /// <summary>The simplified form of one character (itself when it has none or is not a BMP Han character).</summary>
    public static char ToSimplified(char c) =>
        c >= '\u3400' && TraditionalToSimplified.Value.TryGetValue(c, out var s) ? s : c;

    public static string ToSimplified(string text)
    {
        var map = TraditionalToSimplified.Value;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u3400' && map.TryGetValue(c, out var s) && s != c)
            {
                sb ??= new StringBuilder(text, 0, i, text.Length);
                sb.Append(s);
            }
            else
            {
                sb?.Append(c);
            }
        }

        return sb?.ToString() ?? text;
    }

    /// <summary>Character-by-character traditional form (one-to-many choices take the table's first, usually the common one).</summary>
    /// <summary>The traditional form the conversion table writes for a character (itself when it has none).</summary>
    public static char ToTraditional(char c) =>
        c >= '\u3400' && SimplifiedToTraditional.Value.TryGetValue(c, out var t) ? t : c;

    public static string ToTraditional(string text)
    {
        var map = SimplifiedToTraditional.Value;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] >= '\u3400' && map.TryGetValue(chars[i], out var t))
            {
                chars[i] = t;
            }
        }

        return new string(chars);
    }

    /// <summary>True when the character has a distinct traditional form (it is simplified-only).</summary>
    public static bool IsSimplifiedOnly(char c) =>
        c >= '\u3400' && SimplifiedToTraditional.Value.TryGetValue(c, out var t) && t != c;

    /// <summary>True when the character has a distinct simplified form (it is traditional-only).</summary>
    public static bool IsTraditionalOnly(char c) =>
        c >= '\u3400' && TraditionalToSimplified.Value.TryGetValue(c, out var s) && s != c;

    /// <summary>"zh-Hant" when traditional-only characters outnumber simplified-only ones, else "zh-Hans".</summary>
    public static string Detect(IEnumerable<string> texts)
    {
        long traditional = 0, simplified = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                if (IsTraditionalOnly(c))
                {
                    traditional++;
                }
                else if (IsSimplifiedOnly(c))
                {
                    simplified++;
                }
            }
        }

        return traditional > simplified ? "zh-Hant" : "zh-Hans";
    }

    private static FrozenDictionary<char, char> Load(string name)
    {
        var map = new Dictionary<char, char>();
        foreach (var line in EmbeddedData.Lines(name))
        {
            // Only single BMP characters on both sides; supplementary-plane pairs are rare in news text.
            if (line.Length == 3 && line[1] == '\t')
            {
                map.TryAdd(line[0], line[2]);
            }
        }

        return map.ToFrozenDictionary();
    }
}
