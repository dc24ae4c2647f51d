using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// What the page itself says about its language: character and pair counts over its text, its script,
/// and whether it writes ideographic punctuation in ASCII form. Damaged spans are a small share of a page,
/// so these counts are dominated by the clean text around them.
/// </summary>
public sealed class PageStatistics
{
    private readonly Dictionary<char, int> _unigrams = [];
    private readonly Dictionary<uint, int> _bigrams = [];
    private int _total;

    public PageStatistics(IEnumerable<string> texts)
    {
        var list = texts.ToList();
        foreach (var text in list)
        {
            Count(text);
        }

        IsTraditional = ChineseScript.Detect(list) == "zh-Hant";
        FoldsPunctuation = PunctuationWidth.PrefersAscii(list);
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
            _unigrams[c] = _unigrams.GetValueOrDefault(c) + 1;
            _total++;
            var key = ((uint)previous << 16) | c;
            _bigrams[key] = _bigrams.GetValueOrDefault(key) + 1;
            previous = c;
            suspect = OutOfStepRepair.IsReplacementMark(raw);
        }

        if (!suspect)
        {
            var end = ((uint)previous << 16) | '\n';
            _bigrams[end] = _bigrams.GetValueOrDefault(end) + 1;
        }
    }

    /// <summary>True when the page is written in traditional characters.</summary>
    public bool IsTraditional { get; }

    /// <summary>True when the page writes ，：？！ and the like as ASCII between Han characters.</summary>
    public bool FoldsPunctuation { get; }

    /// <summary>How many times the page writes the character (outside suspect stretches).</summary>
    public int Count(char c) => _unigrams.GetValueOrDefault(PunctuationWidth.ToWide(c));

    public double Unigram(char c) => _total == 0 ? 0 : (double)_unigrams.GetValueOrDefault(PunctuationWidth.ToWide(c)) / _total;

    /// <summary>P(c | previous) estimated from the page, with one pseudo-count so a single occurrence is not certainty.</summary>
    public double Conditional(char previous, char c)
    {
        var a = PunctuationWidth.ToWide(previous);
        var b = PunctuationWidth.ToWide(c);
        var pair = _bigrams.GetValueOrDefault(((uint)a << 16) | b);
        if (pair == 0)
        {
            return 0;
        }

        return pair / (_unigrams.GetValueOrDefault(a) + 1.0);
    }
}
