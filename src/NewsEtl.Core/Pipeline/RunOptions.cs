using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Fetching;
using NewsEtl.Loading;
using NewsEtl.Output;
using NewsEtl.Output.Report;
using NewsEtl.Repair;
using NewsEtl.State;

namespace NewsEtl.Pipeline;

/// <summary>Everything one run needs, with defaults in one place.</summary>
public sealed record RunOptions
{
    /// <summary>Folder or file of saved pages; null when the run only fetches <see cref="Urls"/>.</summary>
    public string? Input { get; init; }

    public required string Output { get; init; }

    /// <summary>URLs to download and clean in the same run (each becomes an input whose source is the URL).</summary>
    public IReadOnlyList<Uri> Urls { get; init; } = [];

    public FetchOptions Fetch { get; init; } = new();

    /// <summary>The run store; default: newsetl.db in the output folder.</summary>
    public string? StatePath { get; init; }

    /// <summary>Process every input again, even those whose bytes the store has seen.</summary>
    public bool Full { get; init; }

    /// <summary>Write only what this run processed, into output/runs/NNNNNN/, instead of the whole corpus.</summary>
    public bool SinceLast { get; init; }

    /// <summary>Forget stored inputs that this run did not see (their files were removed).</summary>
    public bool Prune { get; init; }

    /// <summary>Process only this deterministic slice of the inputs.</summary>
    public Shard Shard { get; init; } = Shard.All;

    public string EffectiveStatePath => StatePath ?? Path.Combine(Output, "newsetl.db");

    /// <summary>Pages processed at once; default: one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public LoadOptions Load { get; init; } = new();

    public ExtractionOptions Extraction { get; init; } = new();

    /// <summary>
    /// The longest one input may take from decoding to its record; past it the input is rejected as a failure and the
    /// run goes on (the stray work is abandoned). A safety net: no input is known to come near it.
    /// </summary>
    public TimeSpan InputTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public RepairOptions Repair { get; init; } = new();

    public InPageDedupOptions InPageDedup { get; init; } = new();

    public NearDuplicateOptions NearDuplicates { get; init; } = new();

    public OutputOptions Writing { get; init; } = new();

    /// <summary>The review page written after the data files; null for none.</summary>
    public ReportOptions? Report { get; init; } = new();

    /// <summary>One message per problem, naming the option and the fix; empty when the run can start.</summary>
    /// <param name="requireInput">False for a merge, which reads shard stores instead of inputs.</param>
    public IReadOnlyList<string> Validate(bool requireInput = true)
    {
        var errors = new List<string>();
        if (requireInput && string.IsNullOrWhiteSpace(Input) && Urls.Count == 0)
        {
            errors.Add("--input is empty: name a folder or a file of saved pages (or give --urls).");
        }
        else if (!string.IsNullOrWhiteSpace(Input) && !Directory.Exists(Input) && !File.Exists(Input))
        {
            errors.Add($"--input '{Input}' does not exist: name an existing folder or file.");
        }

        if (string.IsNullOrWhiteSpace(Output))
        {
            errors.Add("--output is empty: name the folder to write results into.");
        }
        else if (File.Exists(Output))
        {
            errors.Add($"--output '{Output}' is a file: name a folder (it is created if missing).");
        }

        if (Parallelism is < 1 or > 256)
        {
            errors.Add($"--parallelism {Parallelism} is out of range: use 1 to 256 (default: the number of cores).");
        }

        if (Urls.Count > 0)
        {
            errors.AddRange(Fetch.Validate());
        }

        if (InputTimeout <= TimeSpan.Zero)
        {
            errors.Add($"InputTimeout must be positive (got {InputTimeout}); use e.g. 00:02:00 for two minutes per input.");
        }

        errors.AddRange(Load.Validate());
        errors.AddRange(Extraction.Validate());
        errors.AddRange(Repair.Validate());
        errors.AddRange(InPageDedup.Validate());
        errors.AddRange(NearDuplicates.Validate());
        try
        {
            Report?.Validate();
        }
        catch (ArgumentException ex)
        {
            errors.Add("report: " + ex.Message);
        }
        return errors;
    }
}
