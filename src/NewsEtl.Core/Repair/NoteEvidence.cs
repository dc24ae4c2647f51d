using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// A converter's pinyin note right after a damaged place ("曙迅?T(mén)店") as evidence for the character there: the
/// converter wrote the note after a Han character of that reading, so a candidate the note fits gains over every
/// reading it does not fit, the text as it stands ('?' and a letter) included.
/// </summary>
internal static class NoteEvidence
{
    /// <summary>
    /// Log-odds for a character a toned note fits. The converter writes a note only after a character of that reading,
    /// so a candidate the note does not fit needs the note to be misplaced, which is rarer than the word model's
    /// strongest preferences ("訪華" over "張華" before "(zhāng)"). On the benchmark: e^6 restores 85.9 % of the noted
    /// out-of-step cases exactly, e^10 87.5 %, e^14 no more.
    /// </summary>
    public const double Toned = 10.0;

    /// <summary>A toneless note fits more characters, and may be an English word in brackets: half the evidence.</summary>
    public const double Toneless = 5.0;

    /// <summary>
    /// Log-odds against a tone-marked letter (ā, ì, ǚ) outside a note: Chinese text writes them only in pinyin, and on a
    /// page with a converter's notes they are common enough that the page's own counts would propose them anywhere.
    /// </summary>
    public const double ToneOutsideNote = 6.0;

    /// <summary>
    /// What the place says for a tone-marked letter: nothing inside a note ("(j" before it), <see cref="ToneOutsideNote"/>
    /// against it elsewhere; zero for any other character.
    /// </summary>
    public static double Placement(char c, ReadOnlySpan<char> left)
    {
        if (!PinyinReadings.IsTonedLetter(c))
        {
            return 0;
        }

        var i = left.Length - 1;
        while (i >= 0 && PinyinReadings.IsPinyinLetter(left[i]))
        {
            i--;
        }

        return i >= 0 && i < left.Length - 1 && left[i] is '(' or '（' ? 0 : -ToneOutsideNote;
    }

    /// <summary>
    /// What a note damaged inside says for a letter that completes it: "記(j" + 'ì' + ")" makes "jì", a reading of 記, as
    /// much as a whole note says for its character; zero when the letter leaves no note that fits.
    /// </summary>
    public static double Inside(char c, ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (!PinyinReadings.IsPinyinLetter(c) || !NoteFreeContext.EndsInsideNote(left))
        {
            return 0;
        }

        var open = left.LastIndexOfAny('(', '（');
        var close = right.IndexOfAny(')', '）');
        if (close < 0)
        {
            return 0;
        }

        foreach (var letter in right[..close])
        {
            if (!PinyinReadings.IsPinyinLetter(letter))
            {
                return 0;
            }
        }

        var note = string.Concat(left[(open + 1)..], [c], right[..close]);
        return PinyinReadings.IsSyllable(note) ? For(left[open - 1], note) : 0;
    }

    /// <summary>What the note (null: none) says for <paramref name="c"/> standing right before it.</summary>
    public static double For(char c, string? note) =>
        note is null || !HanChar.IsHan(c) || !PinyinReadings.Fits(c, note) ? 0
        : PinyinReadings.IsToned(note) ? Toned : Toneless;
}
