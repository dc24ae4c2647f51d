namespace NewsEtl.Repair;

/// <summary>
/// Quote marks pair up: a reading that opens a quote inside an open one, closes one that was never opened, or closes
/// “ with 」 (or 「 with ”), is less likely. Used as page evidence when choosing a lost character. The state is how many
/// quotes are open and which mark opened the innermost one (while that is known), in one int.
/// </summary>
internal static class QuoteBalance
{
    public const double Penalty = -4.0;

    private const int StyleBits = 2;
    private const int StyleMask = (1 << StyleBits) - 1;

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
            return !IsOpen(state) || (open != 0 && open != style) ? Penalty : 0;
        }

        return 0;
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
