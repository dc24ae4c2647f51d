namespace NewsEtl.Repair;

/// <summary>
/// Brackets pair up on a line: a reading that opens one that nothing after it closes is less likely ("回(後投入" for
/// "回台後投入": GBK's '（' is A3 A8 and 台 is CC A8, so a lost lead byte leaves both). Page evidence when choosing a lost
/// character, as <see cref="QuoteBalance"/> is for quotes.
/// </summary>
internal static class BracketBalance
{
    /// <summary>For opening a bracket that nothing after it on its line closes; as for a quote left open.</summary>
    public const double UnclosedPenalty = QuoteBalance.UnclosedPenalty;

    /// <summary>How far after a place a closing bracket is looked for: a bracketed aside is a phrase, not a page.</summary>
    public const int MaxReach = 200;

    private static readonly System.Buffers.SearchValues<char> Marks = System.Buffers.SearchValues.Create("()（）\n");

    /// <summary>
    /// True when <paramref name="after"/> closes a bracket opened before it: it holds, before its first line break and
    /// within <see cref="MaxReach"/> characters, a closing bracket that no opening one in it matches. A converter's
    /// notes ("(lián)") open and close their own.
    /// </summary>
    public static bool CanClose(ReadOnlySpan<char> after)
    {
        after = after[..Math.Min(after.Length, MaxReach)];
        var depth = 0;
        while (after.IndexOfAny(Marks) is var i and >= 0)
        {
            var c = after[i];
            after = after[(i + 1)..];
            if (c == '\n')
            {
                break;
            }

            if (IsOpening(c))
            {
                depth++;
            }
            else if (depth == 0)
            {
                return true;
            }
            else
            {
                depth--;
            }
        }

        return false;
    }

    /// <summary>The penalty for writing <paramref name="c"/> when <paramref name="closable"/> says whether anything after it closes a bracket.</summary>
    public static double Score(char c, bool closable) => IsOpening(c) && !closable ? UnclosedPenalty : 0;

    /// <summary>The penalty for a reading that leaves a bracket of its own open when <paramref name="after"/> does not close it.</summary>
    public static double Unclosed(ReadOnlySpan<char> reading, ReadOnlySpan<char> after)
    {
        var open = 0;
        foreach (var c in reading)
        {
            open = IsOpening(c) ? open + 1 : IsClosing(c) ? Math.Max(0, open - 1) : open;
        }

        return open > 0 && !CanClose(after) ? UnclosedPenalty : 0;
    }

    public static bool IsOpening(char c) => c is '(' or '（';

    public static bool IsClosing(char c) => c is ')' or '）';
}
