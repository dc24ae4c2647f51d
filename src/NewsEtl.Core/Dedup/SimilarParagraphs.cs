namespace NewsEtl.Dedup;

/// <summary>
/// All pairs of paragraphs of a page that count as copies of each other, found once: equal keys by bucket, and
/// fuzzy pairs (Dice over character pairs) by prefix filtering — each paragraph's character pairs sorted rarest first,
/// two paragraphs can reach the threshold only if they share one of the first few, so most pairs are never compared.
/// </summary>
internal static class SimilarParagraphs
{
    /// <summary>Pairs (i, j), i &lt; j, sorted by offset j − i, then i: the order of the diagonals of the self-alignment.</summary>
    public static List<(int I, int J)> Find(string[] keys, HashSet<uint>[]? grams, double threshold)
    {
        var pairs = new HashSet<(int, int)>();
        var groups = Enumerable.Range(0, keys.Length).Where(i => keys[i].Length > 0)
            .GroupBy(i => keys[i], StringComparer.Ordinal)
            .Select(g => g.ToArray())
            .ToList();
        foreach (var members in groups)
        {
            // A paragraph repeated thousands of times (a page of one line over and over) would make millions of
            // pairs; each occurrence is paired with the next few, which still lines up every repeated block.
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length && b <= a + GroupWindow; b++)
                {
                    pairs.Add((members[a], members[b]));
                }
            }
        }

        if (grams is not null)
        {
            AddFuzzy(keys, grams, threshold, groups, pairs);
        }

        return [.. pairs.OrderBy(p => p.Item2 - p.Item1).ThenBy(p => p.Item1)];
    }

    /// <summary>Lengths within a fifth of each other (at least 4 characters' slack): copies, not a line and its expansion.</summary>
    public static bool LengthsClose(string a, string b) =>
        Math.Abs(a.Length - b.Length) <= Math.Max(4, Math.Max(a.Length, b.Length) / 5);

    private const int GroupWindow = 64;
    private const int MembersPaired = 8;

    /// <summary>Fuzzy pairs between distinct texts: compared once per distinct key, then spread to (the first few of) both groups.</summary>
    private static void AddFuzzy(string[] keys, HashSet<uint>[] grams, double threshold, List<int[]> groups, HashSet<(int, int)> pairs)
    {
        var groupOf = new int[keys.Length];
        Array.Fill(groupOf, -1);
        for (var g = 0; g < groups.Count; g++)
        {
            groupOf[groups[g][0]] = g;
        }

        var frequency = new Dictionary<uint, int>();
        foreach (var set in grams)
        {
            foreach (var g in set)
            {
                frequency[g] = frequency.GetValueOrDefault(g) + 1;
            }
        }

        // Dice ≥ t needs an overlap of at least t/(2−t)·|A| pairs, so one of the first |A| − that + 1 must be shared.
        var least = threshold / (2 - threshold);
        var postings = new Dictionary<uint, List<int>>();
        var seen = new int[keys.Length];
        Array.Fill(seen, -1);
        for (var i = 0; i < keys.Length; i++)
        {
            // Only the first occurrence of each text: its copies are paired through their group.
            if (keys[i].Length == 0 || groupOf[i] < 0)
            {
                continue;
            }

            // Rarest first, ties by value: frequency in the high half of one sortable number, the pair in the low half.
            var sorted = new ulong[grams[i].Count];
            var at = 0;
            foreach (var g in grams[i])
            {
                sorted[at++] = ((ulong)(uint)frequency[g] << 32) | g;
            }

            Array.Sort(sorted);
            var prefix = Math.Min(sorted.Length, sorted.Length - (int)Math.Floor(least * sorted.Length) + 1);
            for (var p = 0; p < prefix; p++)
            {
                var gram = (uint)sorted[p];
                if (postings.TryGetValue(gram, out var list))
                {
                    foreach (var j in list)
                    {
                        if (seen[j] != i)
                        {
                            seen[j] = i;
                            if (LengthsClose(keys[j], keys[i]) && TextFingerprint.Similarity(grams[j], grams[i]) >= threshold)
                            {
                                foreach (var x in groups[groupOf[j]].Take(MembersPaired))
                                {
                                    foreach (var y in groups[groupOf[i]].Take(MembersPaired))
                                    {
                                        pairs.Add(x < y ? (x, y) : (y, x));
                                    }
                                }
                            }
                        }
                    }
                }
                else
                {
                    postings[gram] = list = [];
                }

                list.Add(i);
            }
        }
    }
}
