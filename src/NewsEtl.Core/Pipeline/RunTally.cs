using System.Diagnostics;
using NewsEtl.Model;

namespace NewsEtl.Pipeline;

/// <summary>Counts a run's outcomes as they are written, for run.json.</summary>
internal sealed class RunTally
{
    private readonly SortedDictionary<string, int> _rejects = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _repairs = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _flags = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _charsets = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _extractors = new(StringComparer.Ordinal);
    private long _load, _extract, _repair, _dedup, _write;

    public int Inputs { get; private set; }

    public int Records { get; private set; }

    public int Rejected { get; private set; }

    public int Failed { get; private set; }

    public int Duplicates { get; private set; }

    public int DuplicatesDropped { get; private set; }

    public int RepairCount { get; private set; }

    public void Add(PageOutcome outcome, ArticleRecord? written, bool dropped)
    {
        Inputs++;
        _load += outcome.Timings.Load;
        _extract += outcome.Timings.Extract;
        _repair += outcome.Timings.Repair;
        _dedup += outcome.Timings.Dedup;
        if (outcome.Charset is { } charset)
        {
            Increment(_charsets, $"{charset.Charset} ({charset.Reason})");
        }

        if (outcome.Rejection is { } rejection)
        {
            Rejected++;
            Failed += rejection.IsFailure ? 1 : 0;
            Increment(_rejects, $"{rejection.Stage}: {Generalize(rejection.Reason)}");
            return;
        }

        var record = written ?? outcome.Record!;
        Records++;
        Duplicates += record.DuplicateOf.Length > 0 ? 1 : 0;
        DuplicatesDropped += dropped ? 1 : 0;
        RepairCount += outcome.Repairs.Count;
        Increment(_extractors, record.Extractor);
        foreach (var repair in outcome.Repairs)
        {
            Increment(_repairs, repair.Kind);
        }

        foreach (var flag in record.Flags.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            Increment(_flags, flag);
        }
    }

    public void AddWriteTicks(long ticks) => _write += ticks;

    public RunReport Report(RunOptions options, int skippedAssets, long wallTicks) => new()
    {
        Tool = "newsetl",
        Version = typeof(RunTally).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        Counts = new RunCounts(Inputs, Records, Rejected, Failed, Duplicates, DuplicatesDropped, RepairCount, skippedAssets),
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
            options.Writing.CsvInjectionProtection),
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
        var cut = reason.IndexOfAny([':', '(', '\'']);
        return (cut > 0 ? reason[..cut] : reason).Trim();
    }
}
