namespace NewsEtl.Pipeline;

/// <summary>run.json: what a run did. Everything but <see cref="TimingsMs"/> is the same on every run over the same input.</summary>
public sealed record RunReport
{
    public required string Tool { get; init; }

    public required string Version { get; init; }

    public required RunCounts Counts { get; init; }

    public required SortedDictionary<string, int> RejectsByReason { get; init; }

    public required SortedDictionary<string, int> RepairsByKind { get; init; }

    public required SortedDictionary<string, int> Flags { get; init; }

    /// <summary>How each input's charset was decided: "charset (reason)" → inputs.</summary>
    public required SortedDictionary<string, int> Charsets { get; init; }

    public required SortedDictionary<string, int> Extractors { get; init; }

    public required RunOptionsSummary Options { get; init; }

    /// <summary>Milliseconds per stage, summed over inputs (stages overlap across inputs), and the run's wall time.</summary>
    public required SortedDictionary<string, long> TimingsMs { get; init; }
}

public sealed record RunCounts(int Inputs, int Records, int Rejected, int Failed, int Duplicates, int DuplicatesDropped, int Repairs, int SkippedAssets);

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
    bool CsvInjectionProtection);
