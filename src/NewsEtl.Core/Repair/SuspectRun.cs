using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>A stretch of improbable characters (see <see cref="CharEvidence"/>): where misread text is looked for.</summary>
internal readonly record struct SuspectRun(int Start, int End, int Weight)
{
    // Improbable characters this close together belong to one run: misreadings turn common characters into rare ones only mostly.
    internal const int MaxGap = 2;

    /// <summary>
    /// The runs in <paramref name="text"/> from <paramref name="from"/> on whose weight reaches <see cref="CharEvidence.Strong"/>.
    /// Allocates nothing when there is none, which is what clean text gives.
    /// </summary>
    /// <param name="minWeight">The weight a run needs; lower than <see cref="CharEvidence.Strong"/> only where damage is known to be near.</param>
    public static SuspectRun? Next(string text, int from, bool traditionalPage, int minWeight = CharEvidence.Strong)
    {
        int start = -1, end = -1, weight = 0;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0080')
            {
                continue;
            }

            var w = CharEvidence.Weight(c, traditionalPage);
            if (w == 0 || InLatinWord(text, i))
            {
                continue;
            }

            if (start >= 0 && i - end > MaxGap)
            {
                if (weight >= minWeight)
                {
                    return new SuspectRun(start, end, weight);
                }

                start = -1;
                weight = 0;
            }

            if (start < 0)
            {
                start = i;
            }

            end = i + 1;
            weight += w;
        }

        return start >= 0 && weight >= minWeight ? new SuspectRun(start, end, weight) : null;
    }

    /// <summary>A Latin-1 letter beside an ASCII letter belongs to a word: a pinyin note's "xié", a name's "José".</summary>
    private static bool InLatinWord(string text, int i) =>
        text[i] is >= '\u00C0' and <= '\u00FF' && text[i] != '\u00D7' && text[i] != '\u00F7'
        && ((i > 0 && char.IsAsciiLetter(text[i - 1])) || (i + 1 < text.Length && char.IsAsciiLetter(text[i + 1])));
}
