using System.Buffers;

namespace NewsEtl.Repair;

/// <summary>
/// Quote marks pair up: a reading that opens a quote inside an open one, closes one that was never opened, or closes
/// “ with 」 (or 「 with ”), is less likely. Used as page evidence when choosing a lost character. The state is how many
/// quotes are open and which mark opened the innermost one (while that is known), in one int. A quote opened where
/// nothing after it in the text can close it is less likely too: a paragraph mostly closes the quotes it opens.
/// </summary>
internal static class QuoteBalance
{
    public const double Penalty = -4.0;

    /// <summary>
    /// For opening a quote that nothing after it closes. Milder than <see cref="Penalty"/>: a quote that runs over
    /// several paragraphs opens each of them and closes only in the last.
    /// </summary>
    public const double UnclosedPenalty = -3.0;

    /// <summary>
    /// For closing a quote with the other style's mark (“ with 」): a page may write both styles, but a quote is closed
    /// by its own. Stronger than <see cref="Penalty"/>, as the page's habit of writing 。」 must not outweigh it.
    /// </summary>
    public const double MismatchPenalty = -8.0;

    private const int StyleBits = 2;
    private const int StyleMask = (1 << StyleBits) - 1;

    // What may close a quote later in the text: a closing mark, a straight quote, or a lost-byte mark hiding one.
    private static readonly SearchValues<char> Closers = SearchValues.Create("”」』\"?\uFFFD");

    /// <summary>The state after the text, from none open.</summary>
    public static int Depth(ReadOnlySpan<char> text)
    {
        var state = 0;
        foreach (var c in text)
        {
            state = Next(state, c);
        }

        return state;
    }

    public static int Next(int state, char c) => Opens(c) is var style and > 0
        ? (((state >> StyleBits) + 1) << StyleBits) | style
        : Closes(c) > 0
            ? Math.Max(0, (state >> StyleBits) - 1) << StyleBits // the mark of the quote around it is not kept
            : state;

    /// <summary>True when a quote is open.</summary>
    public static bool IsOpen(int state) => state >> StyleBits > 0;

    /// <summary>What of the state a choice depends on: open or not, and the innermost quote's mark.</summary>
    public static int KeyOf(int state) => IsOpen(state) ? (1 << StyleBits) | (state & StyleMask) : 0;

    /// <summary>The penalty for writing <paramref name="c"/> in this state.</summary>
    public static double Score(int state, char c)
    {
        if (Opens(c) > 0)
        {
            return IsOpen(state) ? Penalty : 0;
        }

        if (Closes(c) is var style and > 0)
        {
            var open = state & StyleMask;
            return !IsOpen(state) ? Penalty : open != 0 && open != style ? MismatchPenalty : 0;
        }

        return 0;
    }

    /// <summary>
    /// True when <paramref name="after"/> may close a quote: it holds a closing mark, a straight quote, or a lost-byte
    /// mark that may stand for one.
    /// </summary>
    public static bool CanClose(ReadOnlySpan<char> after) => after.IndexOfAny(Closers) >= 0;

    /// <summary>
    /// The penalty for writing <paramref name="c"/> in this state when <paramref name="closable"/> says whether anything
    /// after it can close a quote: for opening a quote nothing closes, and for leaving open, when nothing after it can
    /// close it, a quote that <paramref name="c"/> could have closed ("的計劃。" then a lost character at the end of the
    /// text: ”, not a second 。).
    /// </summary>
    public static double Score(int state, char c, bool closable) =>
        Score(state, c) + (!closable && (Opens(c) > 0 || (IsOpen(state) && Closes(c) == 0)) ? UnclosedPenalty : 0);

    /// <summary>The penalty for a reading that leaves a quote of its own open when <paramref name="after"/> cannot close it.</summary>
    public static double Unclosed(ReadOnlySpan<char> reading, ReadOnlySpan<char> after)
    {
        var open = 0;
        foreach (var c in reading)
        {
            open = Opens(c) > 0 ? open + 1 : Closes(c) > 0 ? Math.Max(0, open - 1) : open;
        }

        return open > 0 && !CanClose(after) ? UnclosedPenalty : 0;
    }

    private static int Opens(char c) => c switch
    {
        '“' => 1,
        '「' => 2,
        '『' => 3,
        _ => 0,
    };

    private static int Closes(char c) => c switch
    {
        '”' => 1,
        '」' => 2,
        '』' => 3,
        _ => 0,
    };
}
