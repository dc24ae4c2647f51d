using System.Collections.Frozen;
using System.Text;

namespace NewsEtl.Text;

/// <summary>Toned pinyin readings per character (Unihan-derived table), and pinyin syllable checks.</summary>
public static class PinyinReadings
{
    private static readonly Lazy<FrozenDictionary<char, string[]>> Table = new(Load);
    private static readonly Lazy<FrozenSet<string>> Syllables = new(() =>
        Table.Value.Values.SelectMany(r => r).Select(StripTones).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The readings of a character with tone marks ("yīng", "yìng"), or none.</summary>
    public static IReadOnlyList<string> Of(char c) =>
        Table.Value.TryGetValue(c, out var r) ? r
        : Table.Value.TryGetValue(ChineseScript.ToSimplified(c), out r) ? r
        : [];

    /// <summary>True when the (toned or toneless) text is one Mandarin syllable.</summary>
    public static bool IsSyllable(string text) => Syllables.Value.Contains(StripTones(text));

    /// <summary>True when the note is one of the character's readings; tone marks must agree when the note has them.</summary>
    public static bool Fits(char c, string note)
    {
        var readings = Of(c);
        if (readings.Count == 0)
        {
            return false;
        }

        var toned = !string.Equals(StripTones(note), note, StringComparison.Ordinal);
        foreach (var reading in readings)
        {
            if (toned ? string.Equals(reading, note, StringComparison.Ordinal)
                      : string.Equals(StripTones(reading), note, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for the letters pinyin is written with, tone-marked vowels and ü included.</summary>
    public static bool IsPinyinLetter(char c) =>
        c is (>= 'a' and <= 'z') || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".Contains(c, StringComparison.Ordinal);

    public static string StripTones(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c is >= '\u0300' and <= '\u036F')
            {
                // Keep the diaeresis of ü (U+0308); drop the tone marks.
                if (c == '\u0308')
                {
                    sb.Append(c);
                }

                continue;
            }

            sb.Append(c);
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static FrozenDictionary<char, string[]> Load()
    {
        var map = new Dictionary<char, string[]>();
        foreach (var line in EmbeddedData.Lines("readings.tsv"))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab == 1)
            {
                map[line[0]] = line[(tab + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }

        return map.ToFrozenDictionary();
    }
}
