namespace NewsEtl.Cli;

/// <summary>What the command line asked for, before it becomes run options.</summary>
public sealed record CliOptions
{
    public string Command { get; init; } = "run";

    public string Input { get; init; } = "input";

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

    public bool Help { get; init; }

    public bool Version { get; init; }
}
