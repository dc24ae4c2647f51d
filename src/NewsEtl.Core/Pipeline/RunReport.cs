namespace NewsEtl.Pipeline;

/// <summary>
/// run.json: what the outputs hold (the corpus) and what this run did. Everything but <see cref="TimingsMs"/>
/// and <see cref="ThisRun"/>'s run number is the same on every run over the same input.
/// </summary>
public sealed record RunReport
{
    public required string Tool { get; init; }

    public required string Version { get; init; }

    /// <summary>The records and rejections the output files describe.</summary>
    public required RunCounts Counts { get; init; }

    /// <summary>What this run read, processed, skipped as unchanged, and saw fail.</summary>
    public required ThisRunCounts ThisRun { get; init; }

    public required SortedDictionary<string, int> RejectsByReason { get; init; }

    public required SortedDictionary<string, int> RepairsByKind { get; init; }

    public required SortedDictionary<string, int> Flags { get; init; }

    /// <summary>How the charset of each input processed in this run was decided: "charset (reason)" → inputs.</summary>
    public required SortedDictionary<string, int> Charsets { get; init; }

    public required SortedDictionary<string, int> Extractors { get; init; }

    public required RunOptionsSummary Options { get; init; }

    /// <summary>Milliseconds per stage in this run, summed over inputs (stages overlap across inputs), and the run's wall time.</summary>
    public required SortedDictionary<string, long> TimingsMs { get; init; }
}

public sealed record RunCounts(int Inputs, int Records, int Rejected, int Failed, int Duplicates, int DuplicatesDropped, int Repairs);

public sealed record ThisRunCounts(long Run, int Seen, int Processed, int Unchanged, int Failed, int Pruned, int SkippedAssets, string Shard);

public sealed record RunOptionsSummary(
    int Parallelism,
    IReadOnlyList<string> Include,
    IReadOnlyList<string> Exclude,
    long MaxInputBytes,
    IReadOnlyList<string> RepairCharsets,
    bool RemovePinyinNotes,
    bool RestoreFullWidthPunctuation,
    double ParagraphSimilarity,
    int MinimumRepeatedBlock,
    int ShingleLength,
    double NearDuplicateThreshold,
    bool DropDuplicates,
    bool CsvInjectionProtection,
    bool Full,
    bool SinceLast,
    int Urls);
