using NewsEtl.Dedup;
using NewsEtl.Loading;
using NewsEtl.Output;
using NewsEtl.Repair;

namespace NewsEtl.Pipeline;

/// <summary>Everything one run needs, with defaults in one place.</summary>
public sealed record RunOptions
{
    public required string Input { get; init; }

    public required string Output { get; init; }

    /// <summary>Pages processed at once; default: one per core.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public LoadOptions Load { get; init; } = new();

    public RepairOptions Repair { get; init; } = new();

    public InPageDedupOptions InPageDedup { get; init; } = new();

    public NearDuplicateOptions NearDuplicates { get; init; } = new();

    public OutputOptions Writing { get; init; } = new();

    /// <summary>One message per problem, naming the option and the fix; empty when the run can start.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Input))
        {
            errors.Add("--input is empty: name a folder or a file of saved pages.");
        }
        else if (!Directory.Exists(Input) && !File.Exists(Input))
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

        errors.AddRange(Load.Validate());
        errors.AddRange(Repair.Validate());
        errors.AddRange(InPageDedup.Validate());
        errors.AddRange(NearDuplicates.Validate());
        return errors;
    }
}
