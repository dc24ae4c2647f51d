using NewsEtl.Model;

namespace NewsEtl.Output.Report;

/// <summary>Pass two over repairs.jsonl: counts for the whole run, details only for the records the report shows.</summary>
internal sealed class RepairScan
{
    private RepairScan(Dictionary<string, RepairBucket> buckets, SortedDictionary<string, int> byKind, int total, int low, int malformed)
    {
        Buckets = buckets;
        ByKind = byKind;
        Total = total;
        Low = low;
        Malformed = malformed;
    }

    /// <summary>Shown record id → its repairs.</summary>
    public IReadOnlyDictionary<string, RepairBucket> Buckets { get; }

    public SortedDictionary<string, int> ByKind { get; }

    public int Total { get; }

    /// <summary>Repairs below <see cref="RepairBucket.LowConfidence"/>.</summary>
    public int Low { get; }

    public int Malformed { get; }

    public RepairBucket For(string recordId) => Buckets.TryGetValue(recordId, out var bucket) ? bucket : new RepairBucket(0, 0);

    public static async Task<RepairScan> ReadAsync(string path, IEnumerable<string> shownIds, int cap, List<string> warnings, CancellationToken cancellationToken)
    {
        var buckets = new Dictionary<string, RepairBucket>(StringComparer.Ordinal);
        foreach (var id in shownIds)
        {
            buckets.TryAdd(id, new RepairBucket(cap, Math.Max(1000, cap * 10)));
        }

        var byKind = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            warnings.Add($"{OutputSet.RepairsJsonl} is missing: no repair is listed.");
            return new RepairScan(buckets, byKind, 0, 0, 0);
        }

        var total = 0;
        var low = 0;
        var malformed = await JsonLines.ReadAsync<RepairEntry>(
            path,
            (entry, _) =>
            {
                total++;
                low += RepairBucket.IsLow(entry) ? 1 : 0;
                var kind = entry.Kind ?? string.Empty;
                byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
                if (entry.RecordId is not null && buckets.TryGetValue(entry.RecordId, out var bucket))
                {
                    bucket.Add(entry with { Kind = kind, Before = entry.Before ?? string.Empty, After = entry.After ?? string.Empty });
                }
            },
            cancellationToken);
        return new RepairScan(buckets, byKind, total, low, malformed);
    }
}
