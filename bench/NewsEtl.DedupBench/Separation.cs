using NewsEtl.Dedup;

namespace NewsEtl.DedupBench;

/// <summary>Exact shingle-set resemblance and containment of true pairs against same-topic negative pairs.</summary>
internal static class Separation
{
    public sealed record Row(string Kind, int Pairs, double MinResemblance, double P5Resemblance, double MedianResemblance, double MinContainment, double P5Containment);

    public sealed record Negatives(int Pairs, double MedianResemblance, double P99Resemblance, double MaxResemblance, double P999Resemblance, double MaxContainment, double P999Containment);

    public static (List<Row> Positives, Negatives Negatives) Measure(IReadOnlyList<BenchRecord> records, (string Normalized, string Hash)[] prepared, int k)
    {
        var sets = prepared.AsParallel().AsOrdered().Select(p => Shingles(p.Normalized, k)).ToArray();
        var originals = new Dictionary<int, int>();
        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Kind == Corpus.Original)
            {
                originals[records[i].Group] = i;
            }
        }

        var positives = Enumerable.Range(0, records.Count)
            .Where(i => records[i].Kind != Corpus.Original)
            .Select(i => (records[i].Kind, Pair: Compare(sets[i], sets[originals[records[i].Group]])))
            .GroupBy(x => x.Kind, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var r = g.Select(x => x.Pair.Resemblance).Order().ToList();
                var c = g.Select(x => x.Pair.Containment).Order().ToList();
                return new Row(g.Key, r.Count, r[0], Percentile(r, 0.05), Percentile(r, 0.5), c[0], Percentile(c, 0.05));
            })
            .ToList();

        // Every pair of records of one topic that belong to different groups.
        var byTopic = Enumerable.Range(0, records.Count).GroupBy(i => records[i].Topic).Select(g => g.ToArray()).ToList();
        var negatives = byTopic.AsParallel().SelectMany(members =>
        {
            var pairs = new List<(double, double)>();
            for (var a = 0; a < members.Length; a++)
            {
                for (var b = a + 1; b < members.Length; b++)
                {
                    if (records[members[a]].Group != records[members[b]].Group)
                    {
                        pairs.Add(Compare(sets[members[a]], sets[members[b]]));
                    }
                }
            }

            return pairs;
        }).ToList();
        var nr = negatives.Select(p => p.Item1).Order().ToList();
        var nc = negatives.Select(p => p.Item2).Order().ToList();
        return (positives, new Negatives(nr.Count, Percentile(nr, 0.5), Percentile(nr, 0.99), nr[^1], Percentile(nr, 0.999), nc[^1], Percentile(nc, 0.999)));
    }

    /// <summary>Resemblance between <paramref name="count"/> originals on random topics, pairwise.</summary>
    public static (int Pairs, double Median, double P90, double P99) RandomPairs(int count, int k)
    {
        var sets = Enumerable.Range(0, count).AsParallel().AsOrdered()
            .Select(i => Shingles(TextFingerprint.Normalize(ArticleGenerator.Compose(Rng.For(5, i).Next(ArticleGenerator.TopicCount), i).Body), k))
            .ToArray();
        var values = Enumerable.Range(0, count).AsParallel()
            .SelectMany(a => Enumerable.Range(a + 1, count - a - 1).Select(b => Compare(sets[a], sets[b]).Resemblance))
            .Order().ToList();
        return (values.Count, Percentile(values, 0.5), Percentile(values, 0.9), Percentile(values, 0.99));
    }

    private static HashSet<string> Shingles(string text, int k)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + k <= text.Length; i++)
        {
            set.Add(text.Substring(i, k));
        }

        return set;
    }

    private static (double Resemblance, double Containment) Compare(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        var union = a.Count + b.Count - shared;
        return (union == 0 ? 1 : (double)shared / union, small.Count == 0 ? 0 : (double)shared / small.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
}
