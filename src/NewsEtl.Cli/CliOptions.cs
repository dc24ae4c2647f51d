namespace NewsEtl.Cli;

/// <summary>What the command line asked for, before it becomes run options.</summary>
public sealed record CliOptions
{
    public string Command { get; init; } = "run";

    /// <summary>Null until given: `run` defaults to "input" unless --urls is given.</summary>
    public string? Input { get; init; }

    public string Output { get; init; } = "output";

    public List<string> Include { get; init; } = [];

    public List<string> Exclude { get; init; } = [];

    public long? MaxInputMegabytes { get; init; }

    public int? Parallelism { get; init; }

    public IReadOnlyList<string>? RepairCharsets { get; init; }

    public bool KeepPinyinNotes { get; init; }

    public bool FullWidthPunctuation { get; init; }

    public double? ParagraphSimilarity { get; init; }

    public int? MinimumRepeatedBlock { get; init; }

    public double? NearDuplicateThreshold { get; init; }

    public int? ShingleLength { get; init; }

    public bool DropDuplicates { get; init; }

    public bool NoCsvInjectionProtection { get; init; }

    public bool Quiet { get; init; }

    public string LogFormat { get; init; } = "text";

    public string? State { get; init; }

    public bool Full { get; init; }

    public bool SinceLast { get; init; }

    public bool Prune { get; init; }

    public string? Shard { get; init; }

    public string? UrlsFile { get; init; }

    public List<string> Urls { get; init; } = [];

    public string? UserAgent { get; init; }

    public int? FetchConcurrency { get; init; }

    public int? MaxAttempts { get; init; }

    public double? PerHostDelaySeconds { get; init; }

    public double? AttemptTimeoutSeconds { get; init; }

    public bool IgnoreRobots { get; init; }

    public bool AllowPrivateRedirects { get; init; }

    /// <summary>For `merge`: the output folders (or store files) of the shard runs.</summary>
    public List<string> MergeFrom { get; init; } = [];

    public string? Config { get; init; }

    public int? ReportMaxRecords { get; init; }

    public double? InputTimeoutSeconds { get; init; }

    public int? MaxNestingDepth { get; init; }

    public bool NoReport { get; init; }

    public bool Help { get; init; }

    public bool Version { get; init; }
}
