using System.Buffers;
using System.Runtime.InteropServices;
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
    private Dictionary<char, Dictionary<char, int>>? _after;
    private Dictionary<char, Dictionary<char, int>>? _before;

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
    public int Count(char c) => PageCounts.Unigrams[PunctuationWidth.ToWide(c)];

    /// <summary>How many Han characters the page writes (outside suspect stretches).</summary>
    public int HanCount => PageCounts.Han;

    public double Unigram(char c)
    {
        var counts = PageCounts;
        return counts.Total == 0 ? 0 : (double)counts.Unigrams[PunctuationWidth.ToWide(c)] / counts.Total;
    }

    /// <summary>
    /// P(c | previous) estimated from the page (for pairs with a mark, a letter or a digit in them: pairs of two Han
    /// characters are not counted, and read 0), with one pseudo-count so a single occurrence is not certainty. A digit
    /// next to anything but a digit counts as any digit: what a page writes before and after a number ("第15个",
    /// "增长12.4%") is a habit of numbers, not of one digit, and a swallowed digit is scored as '0' in context.
    /// </summary>
    public double Conditional(char previous, char c)
    {
        var counts = PageCounts;
        var a = PunctuationWidth.ToWide(previous);
        var b = PunctuationWidth.ToWide(c);
        if (IsNumberEdge(a, b))
        {
            var edge = counts.NumberEdges.GetValueOrDefault(Key(DigitClass(a), DigitClass(b)));
            return edge == 0 ? 0 : edge / ((char.IsAsciiDigit(a) ? counts.Digits : counts.Unigrams[a]) + 1.0);
        }

        var pair = counts.Bigrams.GetValueOrDefault(Key(a, b));
        if (pair == 0)
        {
            return 0;
        }

        return pair / (counts.Unigrams[a] + 1.0);
    }

    /// <summary>P(c) at the level <see cref="Conditional"/> counts the pair at: any digit after a non-digit.</summary>
    public double PairUnigram(char previous, char c)
    {
        var a = PunctuationWidth.ToWide(previous);
        var b = PunctuationWidth.ToWide(c);
        if (!IsNumberEdge(a, b) || !char.IsAsciiDigit(b))
        {
            return Unigram(c);
        }

        var counts = PageCounts;
        return counts.Total == 0 ? 0 : (double)counts.Digits / counts.Total;
    }

    private static bool IsNumberEdge(char a, char b) => char.IsAsciiDigit(a) != char.IsAsciiDigit(b);

    private static char DigitClass(char c) => char.IsAsciiDigit(c) ? '0' : c;

    private static uint Key(char a, char b) => ((uint)a << 16) | b;

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
        foreach (var start in Places(left, width, right))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(found, text.Substring(start, width), out _)++;
        }

        return found;
    }

    /// <summary>Where the stretches <see cref="Between"/> counts start, in the page's joined text (see <see cref="Around"/>).</summary>
    public List<int> Places(ReadOnlySpan<char> left, int width, ReadOnlySpan<char> right)
    {
        var places = new List<int>();
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
            return places;
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

            places.Add(start);
        }

        return places;
    }

    /// <summary>The character at a place <see cref="Places"/> found.</summary>
    public char At(int position) => Joined[position];

    /// <summary>
    /// The text of the page's line around a place <see cref="Places"/> found: up to <paramref name="reach"/> characters
    /// before <paramref name="start"/> and after the <paramref name="width"/> characters there, punctuation full-width.
    /// </summary>
    public (string Before, string After) Around(int start, int width, int reach)
    {
        var text = Joined.AsSpan();
        var before = text[Math.Max(0, start - reach)..start];
        before = before[(before.LastIndexOf('\n') + 1)..];
        var after = text[(start + width)..Math.Min(text.Length, start + width + reach)];
        var end = after.IndexOf('\n');
        return (before.ToString(), (end >= 0 ? after[..end] : after).ToString());
    }

    /// <summary>
    /// How many times the page writes <paramref name="b"/> right after <paramref name="a"/> (punctuation compared
    /// full-width; a lost-byte mark is never the second). The characters after <paramref name="a"/> are counted once
    /// and kept: a ranking asks for one neighbour with many candidates.
    /// </summary>
    public int PairCount(char a, char b) => Neighbours(Normal(a), after: true).GetValueOrDefault(Normal(b));

    /// <summary>As <see cref="PairCount"/>, with the characters before <paramref name="b"/> counted once and kept.</summary>
    public int PairCountBefore(char a, char b) => Neighbours(Normal(b), after: false).GetValueOrDefault(Normal(a));

    private Dictionary<char, int> Neighbours(char c, bool after)
    {
        var cache = after ? (_after ??= []) : (_before ??= []);
        if (cache.TryGetValue(c, out var known))
        {
            return known;
        }

        var text = Joined;
        var counts = new Dictionary<char, int>();
        for (var from = 0; from < text.Length;)
        {
            var at = text.AsSpan(from).IndexOf(c);
            if (at < 0)
            {
                break;
            }

            at += from;
            var neighbour = after ? at + 1 : at - 1;
            if (neighbour >= 0 && neighbour < text.Length)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(counts, text[neighbour], out _)++;
            }

            from = at + 1;
        }

        if (cache.Count >= MaxCachedAnchors)
        {
            cache.Clear();
        }

        cache[c] = counts;
        return counts;
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

    // The page's texts, punctuation full-width, one per line: searched for the context of a damaged span. Without a
    // converter's pinyin notes, which a later pass removes and which the context searched for leaves out too
    // (NoteFreeContext): "獲(huò)悉" is where the page writes "獲" before "悉".
    private string Joined => _joined ??= Join(_texts);

    private static string Join(IReadOnlyList<string> texts)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, texts.Sum(t => t.Length + 1)));
        try
        {
            var k = 0;
            foreach (var t in texts)
            {
                for (var i = 0; i < t.Length; i++)
                {
                    if (t[i] is '(' or '（' && NoteFreeContext.NoteLength(t.AsSpan(i)) is var note and > 0)
                    {
                        i += note - 1;
                        continue;
                    }

                    buffer[k++] = Normal(t[i]);
                }

                buffer[k++] = '\n';
            }

            return new string(buffer, 0, k);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private sealed class Counts
    {
        public readonly CharCounts Unigrams = new();
        public readonly Dictionary<uint, int> Bigrams = [];

        // Pairs of a digit and a non-digit, the digit counted as '0'.
        public readonly Dictionary<uint, int> NumberEdges = [];
        public int Digits;
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
            for (var i = 0; i < text.Length; i++)
            {
                var raw = text[i];
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
                Unigrams.Add(c);
                Total++;
                var han = HanChar.IsHan(c);
                if (han)
                {
                    Han++;
                }

                // Pairs of two Han characters are the word model's to judge, and no one asks the page for them. Nor is a
                // replacement mark after an improbable character a habit, or one a digit follows: the mark
                // ends a misread run there ("鍒?025", "原浠?000"), and counting it would have the damage vouch for itself.
                if ((!han || !HanChar.IsHan(previous))
                    && !(OutOfStepRepair.IsReplacementMark(raw) && (CharEvidence.Weight(previous) > 0 || (i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(Bigrams, Key(previous, c), out _)++;
                }

                if (char.IsAsciiDigit(c))
                {
                    Digits++;
                }

                if (IsNumberEdge(previous, c))
                {
                    var edge = Key(DigitClass(previous), DigitClass(c));
                    CollectionsMarshal.GetValueRefOrAddDefault(NumberEdges, edge, out _)++;
                }

                previous = c;
                suspect = OutOfStepRepair.IsReplacementMark(raw);
            }

            if (!suspect)
            {
                var end = Key(previous, '\n');
                CollectionsMarshal.GetValueRefOrAddDefault(Bigrams, end, out _)++;
                if (char.IsAsciiDigit(previous))
                {
                    var edge = Key('0', '\n');
                    CollectionsMarshal.GetValueRefOrAddDefault(NumberEdges, edge, out _)++;
                }
            }
        }
    }
}

/// <summary>
/// How many times each character occurs: a table of 256 blocks of 256 counts, a block made when one of its characters is
/// first counted. Counting a page's text takes two array reads a character, where a dictionary hashed and probed.
/// </summary>
internal sealed class CharCounts
{
    private readonly int[]?[] _blocks = new int[]?[256];

    public int this[char c] => _blocks[c >> 8] is { } block ? block[c & 0xFF] : 0;

    public void Add(char c) => (_blocks[c >> 8] ??= new int[256])[c & 0xFF]++;
}
