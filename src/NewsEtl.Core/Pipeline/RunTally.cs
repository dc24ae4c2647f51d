using System.Diagnostics;
using NewsEtl.Model;
using NewsEtl.State;

namespace NewsEtl.Pipeline;

/// <summary>Counts what a run processed (as it happens) and what the written outputs hold (as they are written).</summary>
internal sealed class RunTally
{
    private readonly SortedDictionary<string, int> _rejects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _repairs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _flags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _charsets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _extractors = new(StringComparer.Ordinal);
    private long _load, _extract, _repair, _dedup, _write;
    private int _inputs, _records, _rejected, _failed, _duplicates, _dropped, _repairCount;

    public int Seen { get; private set; }

    public int Processed { get; private set; }

    public int Unchanged { get; private set; }

    public int FailedThisRun { get; private set; }

    public int Pruned { get; set; }

    public int ProcessedRecords { get; private set; }

    public int ProcessedRejections { get; private set; }

    public void Processing(PageOutcome outcome)
    {
        Seen++;
        Processed++;
        _load += outcome.Timings.Load;
        _extract += outcome.Timings.Extract;
        _repair += outcome.Timings.Repair;
        _dedup += outcome.Timings.Dedup;
        if (outcome.Charset is { } charset)
        {
            Increment(_charsets, $"{charset.Charset} ({charset.Reason})");
        }

        if (outcome.Rejection is { IsFailure: true })
        {
            FailedThisRun++;
        }

        if (outcome.Record is null)
        {
            ProcessedRejections++;
        }
        else
        {
            ProcessedRecords++;
        }
    }

    public void UnchangedInput()
    {
        Seen++;
        Unchanged++;
    }

    /// <summary>Counts one output entry as it is written.</summary>
    public void Written(StoredOutcome stored, bool duplicate, bool dropped)
    {
        _inputs++;
        if (stored.Rejection is { } rejection)
        {
            _rejected++;
            _failed += rejection.IsFailure ? 1 : 0;
            Increment(_rejects, $"{rejection.Stage}: {Generalize(rejection.Reason)}");
            return;
        }

        var article = stored.Article!;
        _records++;
        _duplicates += duplicate ? 1 : 0;
        _dropped += dropped ? 1 : 0;
        Increment(_extractors, article.Extractor);
        foreach (var (kind, count) in stored.RepairKinds)
        {
            _repairs[kind] = _repairs.GetValueOrDefault(kind) + count;
            _repairCount += count;
        }

        foreach (var flag in article.Flags.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            Increment(_flags, flag);
        }
    }

    public void AddWriteTicks(long ticks) => _write += ticks;

    public RunReport Report(RunOptions options, long run, int skippedAssets, long wallTicks) => new()
    {
        Tool = "newsetl",
        Version = typeof(RunTally).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        Counts = new RunCounts(_inputs, _records, _rejected, _failed, _duplicates, _dropped, _repairCount),
        ThisRun = new ThisRunCounts(run, Seen, Processed, Unchanged, FailedThisRun, Pruned, skippedAssets, options.Shard.ToString()),
        RejectsByReason = _rejects,
        RepairsByKind = _repairs,
        Flags = _flags,
        Charsets = _charsets,
        Extractors = _extractors,
        Options = new RunOptionsSummary(
            options.Parallelism,
            options.Load.Include,
            options.Load.Exclude,
            options.Load.MaxInputBytes,
            options.Repair.Charsets,
            options.Repair.RemovePinyinNotes,
            options.Repair.RestoreFullWidthPunctuation,
            options.InPageDedup.ParagraphSimilarity,
            options.InPageDedup.MinimumBlock,
            options.NearDuplicates.ShingleLength,
            options.NearDuplicates.Threshold,
            options.Writing.DropDuplicates,
            options.Writing.CsvInjectionProtection,
            options.Full,
            options.SinceLast,
            options.Urls.Count),
        TimingsMs = new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["load"] = Ms(_load),
            ["extract"] = Ms(_extract),
            ["repair"] = Ms(_repair),
            ["dedup"] = Ms(_dedup),
            ["write"] = Ms(_write),
            ["total"] = Ms(wallTicks),
        },
    };

    private static long Ms(long ticks) => ticks * 1000 / Stopwatch.Frequency;

    private static void Increment(SortedDictionary<string, int> map, string key) => map[key] = map.GetValueOrDefault(key) + 1;

    /// <summary>Reasons carry details (sizes, names) after a colon or parenthesis; the report groups by the general part.</summary>
    private static string Generalize(string reason)
    {
        var cut = reason.IndexOfAny([':', '(', '\'', ';']);
        return (cut > 0 ? reason[..cut] : reason).Trim();
    }
}
