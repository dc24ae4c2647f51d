using NewsEtl.Dedup;
using NewsEtl.Model;

namespace NewsEtl.DedupBench;

/// <summary>Precision and recall of the index's duplicate_of links on the labelled corpus.</summary>
internal sealed record Score(int ShingleLength, double Threshold, int Predicted, int TruePositives, int Expected, int Found, IReadOnlyDictionary<string, (int Found, int Expected)> ByKind)
{
    public double Precision => Predicted == 0 ? 1 : (double)TruePositives / Predicted;

    public double Recall => Expected == 0 ? 1 : (double)Found / Expected;

    public int FalsePositives => Predicted - TruePositives;

    public int Missed => Expected - Found;
}

internal static class Quality
{
    /// <summary>Normalized bodies and content hashes, computed once for every configuration.</summary>
    public static (string Normalized, string Hash)[] Prepare(IReadOnlyList<BenchRecord> records) =>
        records.AsParallel().AsOrdered().Select(r =>
        {
            var normalized = TextFingerprint.Normalize(r.Body);
            return (normalized, Hashing.Sha256Hex(normalized));
        }).ToArray();

    public static IndexedArticle[] Fingerprint(NearDuplicateIndex index, IReadOnlyList<BenchRecord> records, (string Normalized, string Hash)[] prepared) =>
        Enumerable.Range(0, records.Count).AsParallel().AsOrdered()
            .Select(i => index.Fingerprint(records[i].Id, prepared[i].Hash, prepared[i].Normalized)).ToArray();

    /// <summary>
    /// Adds the records in order. A record whose group already had a member is expected to get a duplicate_of inside
    /// its group (recall); every duplicate_of given is right only when it points inside the record's group (precision).
    /// </summary>
    public static Score Run(NearDuplicateOptions options, IReadOnlyList<BenchRecord> records, IndexedArticle[] fingerprints)
    {
        var index = new NearDuplicateIndex(options);
        var groupOf = records.ToDictionary(r => r.Id, r => r.Group, StringComparer.Ordinal);
        var seen = new HashSet<int>();
        var (predicted, truePositives, expected, found) = (0, 0, 0, 0);
        var byKind = new SortedDictionary<string, (int Found, int Expected)>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var match = index.FindAndAdd(fingerprints[i]);
            var right = match is not null && groupOf[match] == record.Group;
            if (match is not null)
            {
                predicted++;
                truePositives += right ? 1 : 0;
            }

            if (!seen.Add(record.Group))
            {
                expected++;
                found += right ? 1 : 0;
                var (f, e) = byKind.GetValueOrDefault(record.Kind);
                byKind[record.Kind] = (f + (right ? 1 : 0), e + 1);
            }
        }

        return new Score(options.ShingleLength, options.Threshold, predicted, truePositives, expected, found, byKind);
    }
}
