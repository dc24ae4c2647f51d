using System.Buffers;

namespace NewsEtl.Dedup;

/// <summary>
/// All pairs of paragraphs of a page that count as copies of each other, found once: equal keys by bucket, and
/// fuzzy pairs (Dice over character pairs) by prefix filtering — each paragraph's character pairs sorted rarest first,
/// two paragraphs can reach the threshold only if they share one of the first few, so most pairs are never compared;
/// and two that meet through the first pair they have in common are compared only when the pairs from there on in
/// both could still reach it.
/// </summary>
internal static class SimilarParagraphs
{
    private const int GroupWindow = 64;
    private const int MembersPaired = 8;

    /// <summary>
    /// Pairs (i, j), i &lt; j, as <see cref="Pair"/> keys sorted by offset j − i, then i: the order of the diagonals of
    /// the self-alignment.
    /// </summary>
    public static ulong[] Find(string[] keys, PageBigrams? grams, double threshold)
    {
        var groups = new Groups(keys);
        var pairs = new List<ulong>();
        for (var g = 0; g < groups.Count; g++)
        {
            // A paragraph repeated thousands of times (a page of one line over and over) would make millions of
            // pairs; each occurrence is paired with the next few, which still lines up every repeated block.
            for (var a = groups.First(g); a >= 0; a = groups.Next(a))
            {
                var b = groups.Next(a);
                for (var step = 0; b >= 0 && step < GroupWindow; step++, b = groups.Next(b))
                {
                    pairs.Add(Pair(a, b));
                }
            }
        }

        if (grams is not null)
        {
            AddFuzzy(keys, grams, threshold, groups, pairs);
        }

        var sorted = pairs.ToArray();
        Array.Sort(sorted);
        var distinct = 0;
        for (var p = 0; p < sorted.Length; p++)
        {
            if (distinct == 0 || sorted[p] != sorted[distinct - 1])
            {
                sorted[distinct++] = sorted[p];
            }
        }

        return distinct == sorted.Length ? sorted : sorted[..distinct];
    }

    /// <summary>
    /// <paramref name="similar"/> (as <see cref="Find"/> returns it) with the gaps of one paragraph filled where the
    /// two paragraphs in the gap are the same but for an edit or two: a pair of copies before and after on the same
    /// diagonal, and between them a short heading whose damaged copy was read back with a character wrong
    /// ("35 下一步往哪走" against "35 新一步往哪走"), too little text to reach the threshold. Left unfilled, the gap
    /// splits the repeated block and the copy's heading stays in the body.
    /// </summary>
    public static ulong[] WithGaps(ulong[] similar, string[] keys)
    {
        if (similar.Length < 2)
        {
            return similar;
        }

        var known = new HashSet<ulong>(similar);
        List<ulong>? filled = null;
        foreach (var pair in similar)
        {
            var (i, j) = Unpair(pair);
            if (j + 2 < keys.Length && !known.Contains(Pair(i + 1, j + 1)) && known.Contains(Pair(i + 2, j + 2))
                && SameButForAnEdit(keys[i + 1], keys[j + 1]))
            {
                (filled ??= []).Add(Pair(i + 1, j + 1));
            }
        }

        if (filled is null)
        {
            return similar;
        }

        var all = new ulong[similar.Length + filled.Count];
        similar.CopyTo(all, 0);
        filled.CopyTo(all, similar.Length);
        Array.Sort(all);
        return all;
    }

    // An edit in four characters at most, and two at most: what a character or two read back wrong leave.
    private static bool SameButForAnEdit(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        return shorter >= 4 && Text.EditDistance.AtMost(a, b, Math.Min(2, shorter / 4));
    }

    /// <summary>The sort key of the pair (i, j), i &lt; j: offset in the high half, i in the low half.</summary>
    public static ulong Pair(int i, int j) => ((ulong)(uint)(j - i) << 32) | (uint)i;

    public static (int I, int J) Unpair(ulong pair) => ((int)(uint)pair, (int)(uint)pair + (int)(pair >> 32));

    /// <summary>Lengths within a fifth of each other (at least 4 characters' slack): copies, not a line and its expansion.</summary>
    public static bool LengthsClose(string a, string b) => LengthsClose(a.Length, b.Length);

    private static bool LengthsClose(int a, int b) => Math.Abs(a - b) <= Math.Max(4, Math.Max(a, b) / 5);

    /// <summary>Fuzzy pairs between distinct texts: compared once per distinct key, then spread to (the first few of) both groups.</summary>
    private static void AddFuzzy(string[] keys, PageBigrams grams, double threshold, Groups groups, List<ulong> pairs)
    {
        var longest = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            longest = Math.Max(longest, grams[i].Length);
        }

        var sorted = ArrayPool<ulong>.Shared.Rent(Math.Max(1, longest));
        var heads = ArrayPool<int>.Shared.Rent(grams.TableSize);
        var postings = ArrayPool<(int Paragraph, int Next, int Position)>.Shared.Rent(Math.Max(1, grams.Total));
        heads.AsSpan(0, grams.TableSize).Fill(-1);
        var seen = new int[keys.Length];
        Array.Fill(seen, -1);
        var posted = 0;
        try
        {
            // Dice ≥ t needs an overlap of at least t/(2−t)·|A| pairs, so one of the first |A| − that + 1 must be shared.
            // Against a shorter (or as long) paragraph B it needs t·|B| at least, so B need only be found by the first
            // |B| − t·|B| + 1 of its own pairs: a paragraph is posted under fewer pairs than it probes with.
            var least = threshold / (2 - threshold);
            // Shortest first (ties in page order): a pair list then runs from the longest paragraph posted so far to the
            // shortest, and its walk stops at the first one too short to be a copy; the rest are shorter still.
            var byLength = new long[keys.Length];
            var lengths = new int[keys.Length];
            for (var k = 0; k < keys.Length; k++)
            {
                lengths[k] = keys[k].Length;
                byLength[k] = ((long)keys[k].Length << 32) | (uint)k;
            }

            Array.Sort(byLength);
            foreach (var entry in byLength)
            {
                var i = (int)(uint)entry;
                // Only the first occurrence of each text: its copies are paired through their group.
                if (keys[i].Length == 0 || !groups.IsFirst(i))
                {
                    continue;
                }

                // Rarest first, ties by slot: how many paragraphs have the pair in the high half of one sortable
                // number, its slot in the page's table in the low half (one order for every paragraph, as the filter
                // needs). A pair no other paragraph has is the rarest kind and leads to no candidate, so it takes a
                // place in the prefix but is neither looked up nor posted; when such pairs fill the whole prefix the
                // paragraph can be like no other, and it is passed over.
                var own = grams[i];
                var prefix = Math.Min(own.Length, own.Length - (int)Math.Floor(least * own.Length) + 1);
                var shared = 0;
                foreach (var gram in own)
                {
                    if (grams.Frequency(gram) > 1)
                    {
                        sorted[shared++] = ((ulong)(uint)grams.Frequency(gram) << 32) | (uint)gram;
                    }
                }

                var posting = Math.Min(prefix, own.Length - (int)Math.Floor(threshold * own.Length) + 1) - (own.Length - shared);
                prefix -= own.Length - shared;
                if (prefix <= 0)
                {
                    continue;
                }

                // The prefix in order: a paragraph is then first met through the first pair the two have in common,
                // and all the two can still share is that pair and those after it in both.
                var order = sorted.AsSpan(0, shared);
                Smallest(order, prefix);
                order[..prefix].Sort();

                grams.Select(i);
                var unshared = own.Length - shared;
                for (var p = 0; p < prefix; p++)
                {
                    var slot = (int)(uint)order[p];
                    var position = unshared + p;
                    for (var at = heads[slot]; at >= 0; at = postings[at].Next)
                    {
                        var j = postings[at].Paragraph;
                        if (!LengthsClose(lengths[j], lengths[i]))
                        {
                            break;
                        }

                        if (seen[j] == i)
                        {
                            continue;
                        }

                        seen[j] = i;
                        // The pairs from this one on, in the shorter of the two rests, are the most they can share.
                        var other = grams[j].Length;
                        var most = Math.Min(own.Length - position, other - postings[at].Position);
                        if (most >= TextFingerprint.SharedNeeded(own.Length + other, threshold) && grams.SimilarToSelected(j, threshold))
                        {
                            Spread(groups, j, i, pairs);
                        }
                    }

                    if (p < posting)
                    {
                        postings[posted] = (i, heads[slot], position);
                        heads[slot] = posted++;
                    }
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(sorted);
            ArrayPool<int>.Shared.Return(heads);
            ArrayPool<(int, int, int)>.Shared.Return(postings);
        }
    }

    /// <summary>Moves the <paramref name="count"/> smallest values (all distinct) to the front, in any order (quickselect).</summary>
    private static void Smallest(Span<ulong> values, int count)
    {
        var (lo, hi) = (0, values.Length - 1);
        while (lo < hi && count < values.Length)
        {
            if (hi - lo < 24)
            {
                values[lo..(hi + 1)].Sort();
                return;
            }

            var (a, b, c) = (values[lo], values[lo + ((hi - lo) / 2)], values[hi]);
            var pivot = Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
            var (i, j) = (lo, hi);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // values[lo..j] ≤ pivot ≤ values[i..hi]; the boundary count − 1 lies in one side or between them.
            if (count - 1 <= j)
            {
                hi = j;
            }
            else if (count - 1 >= i)
            {
                lo = i;
            }
            else
            {
                return;
            }
        }
    }

    private static void Spread(Groups groups, int first, int second, List<ulong> pairs)
    {
        var x = first;
        for (var a = 0; x >= 0 && a < MembersPaired; a++, x = groups.Next(x))
        {
            var y = second;
            for (var b = 0; y >= 0 && b < MembersPaired; b++, y = groups.Next(y))
            {
                pairs.Add(x < y ? Pair(x, y) : Pair(y, x));
            }
        }
    }

    /// <summary>Paragraphs with equal non-empty keys, each group a chain of members in page order.</summary>
    private sealed class Groups
    {
        private readonly List<int> _firsts = [];
        private readonly int[] _next;
        private readonly bool[] _isFirst;

        public Groups(string[] keys)
        {
            _next = new int[keys.Length];
            _isFirst = new bool[keys.Length];
            var last = new Dictionary<string, int>(keys.Length, StringComparer.Ordinal);
            for (var i = 0; i < keys.Length; i++)
            {
                _next[i] = -1;
                if (keys[i].Length == 0)
                {
                    continue;
                }

                if (last.TryGetValue(keys[i], out var previous))
                {
                    _next[previous] = i;
                }
                else
                {
                    _firsts.Add(i);
                    _isFirst[i] = true;
                }

                last[keys[i]] = i;
            }
        }

        public int Count => _firsts.Count;

        public int First(int group) => _firsts[group];

        /// <summary>The next member of the paragraph's group, or −1.</summary>
        public int Next(int paragraph) => _next[paragraph];

        public bool IsFirst(int paragraph) => _isFirst[paragraph];
    }
}
