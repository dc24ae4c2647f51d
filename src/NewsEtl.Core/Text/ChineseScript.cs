using System.Text;

namespace NewsEtl.Text;

/// <summary>Character-level conversion between traditional and simplified script, and script detection.</summary>
public static class ChineseScript
{
    // One entry per UTF-16 code unit, the character itself where the table has no other form: a look-up is one array
    // read (128 KB a direction), and repair and script detection look up every character they score.
    private static readonly Lazy<char[]> TraditionalToSimplified = new(() => Load("t2s.tsv"));
    private static readonly Lazy<char[]> SimplifiedToTraditional = new(() => Load("s2t.tsv"));

    // What script detection asks of a character, from the two tables in one read of a 64 KB table: Traditional when it
    // has a distinct simplified form, else Simplified when it has a distinct traditional form, else neither.
    private static readonly Lazy<byte[]> Forms = new(() =>
    {
        var (toSimplified, toTraditional) = (TraditionalToSimplified.Value, SimplifiedToTraditional.Value);
        var forms = new byte[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            forms[c] = toSimplified[c] != c ? Traditional : toTraditional[c] != c ? Simplified : (byte)0;
        }

        return forms;
    });

    private const byte Traditional = 1;
    private const byte Simplified = 2;

    /// <summary>The simplified form of one character (itself when it has none or is not a BMP Han character).</summary>
    public static char ToSimplified(char c) => TraditionalToSimplified.Value[c];

    public static string ToSimplified(string text)
    {
        var map = TraditionalToSimplified.Value;
        StringBuilder? sb = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (map[c] is var s && s != c)
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

    /// <summary>The traditional form the conversion table writes for a character (itself when it has none).</summary>
    public static char ToTraditional(char c) => SimplifiedToTraditional.Value[c];

    /// <summary>Character-by-character traditional form (one-to-many choices take the table's first, usually the common one).</summary>
    public static string ToTraditional(string text)
    {
        var map = SimplifiedToTraditional.Value;
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = map[chars[i]];
        }

        return new string(chars);
    }

    /// <summary>True when the character has a distinct traditional form (it is simplified-only).</summary>
    public static bool IsSimplifiedOnly(char c) => SimplifiedToTraditional.Value[c] != c;

    /// <summary>True when the character has a distinct simplified form (it is traditional-only).</summary>
    public static bool IsTraditionalOnly(char c) => TraditionalToSimplified.Value[c] != c;

    /// <summary>"zh-Hant" when traditional-only characters outnumber simplified-only ones, else "zh-Hans".</summary>
    public static string Detect(IEnumerable<string> texts)
    {
        long traditional = 0, simplified = 0;
        var forms = Forms.Value;
        foreach (var text in texts)
        {
            foreach (var c in text.AsSpan())
            {
                var form = forms[c];
                traditional += form & Traditional;
                simplified += form >> 1;
            }
        }

        return traditional > simplified ? "zh-Hant" : "zh-Hans";
    }

    private static char[] Load(string name)
    {
        var map = new char[char.MaxValue + 1];
        for (var c = 0; c < map.Length; c++)
        {
            map[c] = (char)c;
        }

        var set = new bool[map.Length];
        foreach (var line in EmbeddedData.Lines(name))
        {
            // Only single BMP Han characters on both sides (the first line for a character wins); supplementary-plane
            // pairs are rare in news text.
            if (line.Length == 3 && line[1] == '\t' && line[0] >= '\u3400' && !set[line[0]])
            {
                map[line[0]] = line[2];
                set[line[0]] = true;
            }
        }

        return map;
    }
}
