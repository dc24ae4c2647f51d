using System.Buffers;
using System.Collections.Frozen;
using System.Text;

namespace NewsEtl.Text;

/// <summary>Toned pinyin readings per character (Unihan-derived table), and pinyin syllable checks.</summary>
public static class PinyinReadings
{
    // Each tone-marked letter pinyin uses, and the letter under the mark (ü keeps its diaeresis).
    private const string TonedLetterList = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ";
    private const string ToneBases = "aaaaeeeeiiiioooouuuuüüüünnnm";

    private static readonly SearchValues<char> TonedLetters = SearchValues.Create(TonedLetterList);
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

    /// <summary>
    /// The syllable of a converter's note at the start of <paramref name="text"/> ("(mén)店" → "mén"): one to six pinyin
    /// letters in ASCII or full-width brackets that make one Mandarin syllable; null when the text does not start so.
    /// </summary>
    public static string? NoteAt(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text[0] is not ('(' or '（'))
        {
            return null;
        }

        var end = 1;
        while (end < text.Length && end <= 7 && IsPinyinLetter(text[end]))
        {
            end++;
        }

        if (end == 1 || end > 7 || end >= text.Length || text[end] is not (')' or '）'))
        {
            return null;
        }

        var note = text[1..end].ToString();
        return IsSyllable(note) ? note : null;
    }

    /// <summary>
    /// The text without a converter's notes after Han characters ("新消費(fèi)日報" → "新消費日報"), for reading structure
    /// (a byline, a title) before the repair removes them; the same instance when there are none.
    /// </summary>
    public static string WithoutNotes(string text)
    {
        var open = text.AsSpan().IndexOfAny('(', '（');
        if (open < 0)
        {
            return text;
        }

        StringBuilder? kept = null;
        var copied = 0;
        for (var i = open; i >= 0 && i < text.Length; i = text.AsSpan(i + 1).IndexOfAny('(', '（') is var next and >= 0 ? i + 1 + next : -1)
        {
            if (i > 0 && HanChar.IsHan(text[i - 1]) && NoteAt(text.AsSpan(i)) is { } note)
            {
                kept ??= new StringBuilder(text.Length);
                kept.Append(text, copied, i - copied);
                copied = i + note.Length + 2;
                i = copied - 1;
            }
        }

        return kept is null ? text : kept.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>True when the note carries a tone mark: then it is pinyin, where a toneless one may be an English word.</summary>
    public static bool IsToned(string note) => !string.Equals(StripTones(note), note, StringComparison.Ordinal);

    /// <summary>True for a letter with a tone mark (ā, ì, ǚ).</summary>
    public static bool IsTonedLetter(char c) => c >= '\u00E0' && TonedLetterList.Contains(c, StringComparison.Ordinal);

    /// <summary>True for the letters pinyin is written with, tone-marked vowels and ü included.</summary>
    public static bool IsPinyinLetter(char c) =>
        c is (>= 'a' and <= 'z') or 'ü' || TonedLetterList.Contains(c, StringComparison.Ordinal);

    /// <summary>
    /// The syllable without tone marks ("mén" → "men", "lǜ" → "lü"). By a table of the toned letters, not Unicode
    /// normalization: the tool runs with invariant globalization, where normalization leaves such text as it is.
    /// </summary>
    public static string StripTones(string text)
    {
        if (text.AsSpan().IndexOfAny(TonedLetters) < 0)
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var at = TonedLetterList.IndexOf(source[i], StringComparison.Ordinal);
                span[i] = at < 0 ? source[i] : ToneBases[at];
            }
        });
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
