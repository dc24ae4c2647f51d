using CsvHelper;
using NewsEtl.Model;

namespace NewsEtl.Output.Report;

/// <summary>rejected.csv: every row counted by reason, the first few kept for the list.</summary>
internal sealed class RejectionScan
{
    private RejectionScan(List<Rejection> kept, SortedDictionary<string, int> byReason, int total, int failed)
    {
        Kept = kept;
        ByReason = byReason;
        Total = total;
        Failed = failed;
    }

    public IReadOnlyList<Rejection> Kept { get; }

    /// <summary>"stage: reason" → inputs, as in the file (run.json generalizes reasons; this is the fallback).</summary>
    public SortedDictionary<string, int> ByReason { get; }

    public int Total { get; }

    public int Failed { get; }

    public int Omitted => Total - Kept.Count;

    public static async Task<RejectionScan> ReadAsync(string path, int cap, List<string> warnings, CancellationToken cancellationToken)
    {
        var kept = new List<Rejection>();
        var byReason = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            warnings.Add($"{OutputSet.RejectedCsv} is missing: no rejected input is listed.");
            return new RejectionScan(kept, byReason, 0, 0);
        }

        var total = 0;
        var failed = 0;
        var options = CsvReaderOptions.Default with { Mode = CsvMode.Rfc4180, Separator = ',', HasHeader = true, DetectSeparatorHint = false };
        await using var csv = CsvReader.FromFile(path, options);
        try
        {
            while (await csv.ReadAsync(cancellationToken))
            {
                var rejection = new Rejection(csv.GetString("source"), csv.GetString("stage"), csv.GetString("reason"), csv.GetString("is_failure") == "true");
                total++;
                failed += rejection.IsFailure ? 1 : 0;
                var key = rejection.Stage + ": " + rejection.Reason;
                byReason[key] = byReason.GetValueOrDefault(key) + 1;
                if (kept.Count < cap)
                {
                    kept.Add(rejection);
                }
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or KeyNotFoundException)
        {
            warnings.Add($"{OutputSet.RejectedCsv} could not be read past row {total} ({ex.Message}).");
        }

        return new RejectionScan(kept, byReason, total, failed);
    }
}
