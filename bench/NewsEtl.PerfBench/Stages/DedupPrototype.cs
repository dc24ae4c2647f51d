using NewsEtl.Dedup;

namespace NewsEtl.PerfBench.Stages;

/// <summary>
/// Evidence for a suggested change, not a replacement: <see cref="InPageDeduplicator"/>'s algorithm with the
/// paragraph-pair test memoized across the repeated LongestRepeat passes, and bigram sets as sorted arrays
/// compared by a merge instead of HashSet look-ups through LINQ. The stage benchmarks check that it gives the
/// same result as the real stage on every sample page before timing both.
/// </summary>
internal static class DedupPrototype
{
    public static InPageDedupResult Deduplicate(IReadOnlyList<ParagraphDraft> paragraphs, string title, string? lede, InPageDedupOptions options)
    {
        var n = paragraphs.Count;
        var keys = paragraphs.Select(p => TextFingerprint.Normalize(p.Text)).ToArray();
        var fuzzy = n <= options.MaximumFuzzyParagraphs;
        var grams = fuzzy ? keys.Select(SortedBigrams).ToArray() : [];
        var memo = new sbyte[n * n];
        bool Same(int a, int b)
        {
            ref var known = ref memo[(a * n) + b];
            if (known == 0)
            {
                var same = keys[a].Length > 0 && keys[b].Length > 0
                    && (string.Equals(keys[a], keys[b], StringComparison.Ordinal)
                        || (fuzzy && LengthsClose(keys[a], keys[b]) && Dice(grams[a], grams[b]) >= options.ParagraphSimilarity));
                known = same ? (sbyte)1 : (sbyte)-1;
            }

            return known > 0;
        }

        var removed = new bool[n];
        var kept = paragraphs.ToArray();
        var edits = new List<ParagraphEdit>();
        while (LongestRepeat(n, removed, Same) is var (first, second, length) && length >= options.MinimumBlock)
        {
            for (var k = 0; k < length; k++)
            {
                var keep = first + k;
                var drop = second + k;
                if (paragraphs[drop].Damage < kept[keep].Damage)
                {
                    edits.Add(new ParagraphEdit("merged-from-copy", keep, kept[keep].Text, paragraphs[drop].Text, 1.0));
                    kept[keep] = paragraphs[drop];
                }

                removed[drop] = true;
            }

            edits.Add(new ParagraphEdit(
                "duplicate-block", second,
                string.Join("\n\n", Enumerable.Range(second, length).Select(i => paragraphs[i].Text)), string.Empty, 1.0));
        }

        foreach (var (header, kind) in new[] { (title, "duplicate-title"), (lede, "duplicate-lede") })
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                continue;
            }

            var key = TextFingerprint.Normalize(header);
            var headerGrams = SortedBigrams(key);
            for (var i = 0; i < n; i++)
            {
                var same = string.Equals(keys[i], key, StringComparison.Ordinal)
                    || (fuzzy && LengthsClose(keys[i], key) && Dice(grams[i], headerGrams) >= options.ParagraphSimilarity);
                if (!removed[i] && key.Length > 0 && same)
                {
                    removed[i] = true;
                    edits.Add(new ParagraphEdit(kind, i, paragraphs[i].Text, string.Empty, 1.0));
                }
            }
        }

        var result = Enumerable.Range(0, n).Where(i => !removed[i]).Select(i => kept[i]).ToList();
        return new InPageDedupResult(result, [.. edits.OrderBy(e => e.Paragraph)]);
    }

    private static (int First, int Second, int Length)? LongestRepeat(int n, bool[] removed, Func<int, int, bool> same)
    {
        (int, int, int)? best = null;
        var bestLength = 0;
        for (var offset = 1; offset < n; offset++)
        {
            var run = 0;
            for (var i = 0; i + offset < n; i++)
            {
                var j = i + offset;
                if (!removed[i] && !removed[j] && run < offset && same(i, j))
                {
                    run++;
                    if (run > bestLength)
                    {
                        bestLength = run;
                        best = (i - run + 1, j - run + 1, run);
                    }
                }
                else
                {
                    run = 0;
                }
            }
        }

        return best;
    }

    private static uint[] SortedBigrams(string normalized)
    {
        if (normalized.Length == 1)
        {
            return [normalized[0]];
        }

        var pairs = new uint[Math.Max(0, normalized.Length - 1)];
        for (var i = 1; i < normalized.Length; i++)
        {
            pairs[i - 1] = ((uint)normalized[i - 1] << 16) | normalized[i];
        }

        Array.Sort(pairs);
        var distinct = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (i == 0 || pairs[i] != pairs[distinct - 1])
            {
                pairs[distinct++] = pairs[i];
            }
        }

        return pairs[..distinct];
    }

    /// <summary>Dice coefficient of two sorted distinct arrays, as <see cref="TextFingerprint.Similarity"/> computes it for sets.</summary>
    private static double Dice(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return a.Length == b.Length ? 1 : 0;
        }

        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * shared / (a.Length + b.Length);
    }

    private static bool LengthsClose(string a, string b) =>
        Math.Abs(a.Length - b.Length) <= Math.Max(4, Math.Max(a.Length, b.Length) / 5);
}
