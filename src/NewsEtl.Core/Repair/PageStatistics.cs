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
    // Bounds the per-page cache of anchor positions; a page with more distinct damaged places starts afresh.
    private const int MaxCachedAnchors = 4096;

    private readonly IReadOnlyList<string> _texts;
    private bool? _isTraditional;
    private bool? _foldsPunctuation;
    private Counts? _counts;
    private string? _joined;
    private Dictionary<string, int[]>? _occurrences;

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

    /// <summary>How many Han characters the page writes (outside suspect stretches).</summary>
    public int HanCount => PageCounts.Han;

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

    /// <summary>
    /// What the page writes between <paramref name="left"/> and <paramref name="right"/>: each stretch of
    /// <paramref name="width"/> characters found there, with how many times. A page that repeats its article holds a
    /// second copy of a damaged sentence, usually damaged elsewhere, and its words decide what the damage hid.
    /// Punctuation is compared in its full-width form ('?' excepted); a '0' in <paramref name="right"/> stands for any digit (a
    /// swallowed byte that was one), and the right side ends at a line break (the end of the text).
    /// </summary>
    public Dictionary<string, int> Between(ReadOnlySpan<char> left, int width, ReadOnlySpan<char> right)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = Joined;
        Span<char> anchor = stackalloc char[left.Length];
        for (var i = 0; i < left.Length; i++)
        {
            anchor[i] = Normal(left[i]);
        }

        var breakAt = right.IndexOf('\n');
        if (breakAt >= 0)
        {
            right = right[..breakAt];
        }

        if (anchor.IsEmpty)
        {
            return found;
        }

        foreach (var at in Occurrences(anchor))
        {
            var start = at + anchor.Length;
            if (start + width + right.Length > text.Length)
            {
                continue;
            }

            var middle = text.AsSpan(start, width);
            if (middle.ContainsAny('?', '\uFFFD', '\n') || !Matches(text.AsSpan(start + width, right.Length), right))
            {
                continue;
            }

            var key = middle.ToString();
            found[key] = found.GetValueOrDefault(key) + 1;
        }

        return found;
    }

    /// <summary>
    /// Where the page writes <paramref name="anchor"/>. Every reading of one damaged place, in both charsets and at
    /// each place the run may end, asks with the same characters before it: the page is searched once for them.
    /// </summary>
    private int[] Occurrences(ReadOnlySpan<char> anchor)
    {
        _occurrences ??= new Dictionary<string, int[]>(StringComparer.Ordinal);
        var cache = _occurrences.GetAlternateLookup<ReadOnlySpan<char>>();
        if (cache.TryGetValue(anchor, out var known))
        {
            return known;
        }

        var text = Joined;
        var found = new List<int>();
        for (var from = 0; from < text.Length;)
        {
            var at = text.AsSpan(from).IndexOf(anchor);
            if (at < 0)
            {
                break;
            }

            found.Add(from + at);
            from += at + 1;
        }

        if (_occurrences.Count >= MaxCachedAnchors)
        {
            _occurrences.Clear();
        }

        var positions = found.ToArray();
        cache[anchor] = positions;
        return positions;
    }

    // Punctuation full-width, except '?': a lost-byte mark stays one, and no stretch that holds one is evidence.
    private static char Normal(char c) => c == '?' ? c : PunctuationWidth.ToWide(c);

    private static bool Matches(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            var p = Normal(pattern[i]);
            if (p == '0' ? !char.IsAsciiDigit(text[i]) : p != text[i])
            {
                return false;
            }
        }

        return true;
    }

    // The page's texts, punctuation full-width, one per line: searched for the context of a damaged span.
    private string Joined => _joined ??= string.Create(_texts.Sum(t => t.Length + 1), _texts, static (span, texts) =>
    {
        var k = 0;
        foreach (var t in texts)
        {
            foreach (var c in t)
            {
                span[k++] = Normal(c);
            }

            span[k++] = '\n';
        }
    });

    private sealed class Counts
    {
        public readonly Dictionary<char, int> Unigrams = [];
        public readonly Dictionary<uint, int> Bigrams = [];
        public int Total;
        public int Han;

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
                if (HanChar.IsHan(c))
                {
                    Han++;
                }

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
