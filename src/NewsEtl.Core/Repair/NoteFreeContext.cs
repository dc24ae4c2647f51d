using System.Text;
using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// The neighbours of a damaged place as the language model should see them: without a converter's pinyin notes
/// ("會獲(huò)悉" is "會獲悉" to the model). The notes go in a later pass; left in the context they make the neighbours
/// of a lost character a bracket and Latin letters, and the candidate that reads best beside "uò)" is a Latin one.
/// </summary>
internal static class NoteFreeContext
{
    // A note is at most eight characters: brackets and six letters.
    private const int LongestNote = 8;

    /// <summary>The length of the note at the start of <paramref name="text"/>, or 0.</summary>
    public static int NoteLength(ReadOnlySpan<char> text)
    {
        if (PinyinReadings.NoteAt(text) is not { } note)
        {
            return 0;
        }

        return note.Length + 2;
    }

    /// <summary>The first <paramref name="count"/> characters of <paramref name="text"/> with notes left out.</summary>
    public static string Start(ReadOnlySpan<char> text, int count)
    {
        if (text.IndexOfAny('(', '（') is var bracket && (bracket < 0 || bracket >= count))
        {
            return text[..Math.Min(count, text.Length)].ToString();
        }

        var sb = new StringBuilder(count);
        var i = 0;
        while (i < text.Length && sb.Length < count)
        {
            if (NoteLength(text[i..]) is var skip and > 0)
            {
                i += skip;
                continue;
            }

            sb.Append(text[i++]);
        }

        return sb.ToString();
    }

    /// <summary>The last <paramref name="count"/> characters of <paramref name="text"/> with notes left out.</summary>
    public static string End(StringBuilder text, int count)
    {
        var window = Math.Min(text.Length, count * (LongestNote + 1));
        var tail = text.ToString(text.Length - window, window);
        if (tail.AsSpan(Math.Max(0, tail.Length - count - LongestNote)).IndexOfAny('(', '（') < 0)
        {
            return tail[^Math.Min(count, tail.Length)..];
        }

        // Forward over the window, so that a note is recognized from its opening bracket.
        var kept = new StringBuilder(window);
        var i = 0;
        while (i < tail.Length)
        {
            if (NoteLength(tail.AsSpan(i)) is var skip and > 0)
            {
                i += skip;
                continue;
            }

            kept.Append(tail[i++]);
        }

        return Tail(kept.ToString(), count);
    }

    /// <summary>
    /// The last <paramref name="count"/> characters of <paramref name="text"/>; when it ends inside a note, from
    /// <paramref name="count"/> characters before the note's bracket ("交通委員會獲(hu" for 4 and "委員會獲(hu"),
    /// so that the note and the character it belongs to stay in view.
    /// </summary>
    public static string Tail(string text, int count)
    {
        var start = Math.Max(0, text.Length - count);
        if (EndsInsideNote(text))
        {
            start = Math.Max(0, Math.Min(start, text.LastIndexOfAny(['(', '（']) - count));
        }

        return text[start..];
    }

    /// <summary>
    /// True when <paramref name="left"/> ends inside a note: a Han character, an opening bracket and one to six pinyin
    /// letters ("記(j", "獲(hu"). A byte swallowed there was most likely the note's ')'.
    /// </summary>
    public static bool EndsInsideNote(ReadOnlySpan<char> left)
    {
        var i = left.Length - 1;
        while (i >= 0 && left.Length - i <= LongestNote - 1 && PinyinReadings.IsPinyinLetter(left[i]))
        {
            i--;
        }

        return i >= 0 && i < left.Length - 1 && left[i] is '(' or '（' && i > 0 && HanChar.IsHan(left[i - 1]);
    }

    /// <summary>
    /// When the text after a swallowed byte goes on as a note whose '(' it was ("jì)者從" after "??"), the length of the
    /// note's rest, its ')' included; null otherwise.
    /// </summary>
    public static int? RestOfNote(ReadOnlySpan<char> following)
    {
        var close = following.IndexOfAny(')', '）');
        if (close <= 0 || close > LongestNote - 2)
        {
            return null;
        }

        return PinyinReadings.NoteAt(string.Concat("(", following[..(close + 1)])) is null ? null : close + 1;
    }
}
