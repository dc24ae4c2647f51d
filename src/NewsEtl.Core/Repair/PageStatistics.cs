using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// What the page itself says about its language: character and pair counts over its text, its script,
/// and whether it writes ideographic punctuation in ASCII form. Damaged spans are a small share of a page,
/// so these counts are dominated by the clean text around them. Each figure is computed on first use:
/// a clean page asks only for its script, and only pages with damage pay for the counts.
/// </summary>
public sealed class PageStatistics
{
    private readonly IReadOnlyList<string> _texts;
    private bool? _isTraditional;
    private bool? _foldsPunctuation;
    private Counts? _counts;

    public PageStatistics(IEnumerable<string> texts)
    {
        _texts = texts as IReadOnlyList<string> ?? texts.ToList();
    }

    /// <summary>True when the page is written in traditional characters.</summary>
    public bool IsTraditional => _isTraditional ??= ChineseScript.Detect(_texts) == "zh-Hant";

    /// <summary>True when the page writes ，：？！ and the like as ASCII between Han characters.</summary>
    public bool FoldsPunctuation => _foldsPunctuation ??= PunctuationWidth.PrefersAscii(_texts);

    /// <summary>True once the character and pair counts have been built (they are built on first use).</summary>
    internal bool HasCounts => _counts is not null;

    private Counts PageCounts => _counts ??= new Counts(_texts);

    /// <summary>How many times the page writes the character (outside suspect stretches).</summary>
    public int Count(char c) => PageCounts.Unigrams.GetValueOrDefault(PunctuationWidth.ToWide(c));

    public double Unigram(char c)
    {
        var counts = PageCounts;
        return counts.Total == 0 ? 0 : (double)counts.Unigrams.GetValueOrDefault(PunctuationWidth.ToWide(c)) / counts.Total;
    }

    /// <summary>P(c | previous) estimated from the page, with one pseudo-count so a single occurrence is not certainty.</summary>
    public double Conditional(char previous, char c)
    {
        var counts = PageCounts;
        var a = PunctuationWidth.ToWide(previous);
        var b = PunctuationWidth.ToWide(c);
        var pair = counts.Bigrams.GetValueOrDefault(((uint)a << 16) | b);
        if (pair == 0)
        {
            return 0;
        }

        return pair / (counts.Unigrams.GetValueOrDefault(a) + 1.0);
    }

    private sealed class Counts
    {
        public readonly Dictionary<char, int> Unigrams = [];
        public readonly Dictionary<uint, int> Bigrams = [];
        public int Total;

        public Counts(IReadOnlyList<string> texts)
        {
            foreach (var text in texts)
            {
                Count(text);
            }
        }

        /// <summary>
        /// Counts characters and pairs, except in the stretch after a replacement mark up to the next plain
        /// ASCII character: out-of-step damage lives there, and a page repeats its damage as often as its text.
        /// </summary>
        private void Count(string text)
        {
            var previous = '\n';
            var suspect = false;
            foreach (var raw in text)
            {
                if (suspect)
                {
                    if (raw < 0x80 && !PunctuationWidth.IsFoldable(raw) && !OutOfStepRepair.IsReplacementMark(raw))
                    {
                        suspect = false;
                        previous = raw;
                    }

                    continue;
                }

                var c = PunctuationWidth.ToWide(raw);
                Unigrams[c] = Unigrams.GetValueOrDefault(c) + 1;
                Total++;
                var key = ((uint)previous << 16) | c;
                Bigrams[key] = Bigrams.GetValueOrDefault(key) + 1;
                previous = c;
                suspect = OutOfStepRepair.IsReplacementMark(raw);
            }

            if (!suspect)
            {
                var end = ((uint)previous << 16) | '\n';
                Bigrams[end] = Bigrams.GetValueOrDefault(end) + 1;
            }
        }
    }
}
