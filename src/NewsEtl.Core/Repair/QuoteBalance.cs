namespace NewsEtl.Repair;

/// <summary>
/// Quote marks pair up: a reading that opens a quote inside an open one, or closes one that was never opened,
/// is less likely. Used as page evidence when choosing a lost character.
/// </summary>
internal static class QuoteBalance
{
    public const double Penalty = -4.0;

    /// <summary>Open “ or 「 minus closed ones in the text (never below zero).</summary>
    public static int Depth(ReadOnlySpan<char> text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth = Next(depth, c);
        }

        return depth;
    }

    public static int Next(int depth, char c) => c switch
    {
        '“' or '「' or '『' => depth + 1,
        '”' or '」' or '』' => Math.Max(0, depth - 1),
        _ => depth,
    };

    /// <summary>The penalty for writing <paramref name="c"/> at a point where <paramref name="depth"/> quotes are open.</summary>
    public static double Score(int depth, char c) => c switch
    {
        '“' or '「' or '『' when depth > 0 => Penalty,
        '”' or '」' or '』' when depth == 0 => Penalty,
        _ => 0,
    };
}
