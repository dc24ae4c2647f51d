namespace NewsEtl.Dedup;

/// <summary>How articles are matched across pages and runs (defaults measured: bench/RESULTS-dedup.md).</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Characters per shingle: Chinese has no spaces, so text is cut into overlapping character runs.</summary>
    public int ShingleLength { get; init; } = 3;

    /// <summary>LSH bands; an earlier article is a candidate when all the rows of one band agree.</summary>
    public int Bands { get; init; } = 64;

    /// <summary>MinHash values per band.</summary>
    public int RowsPerBand { get; init; } = 3;

    /// <summary>Two articles are near-duplicates when the estimated resemblance (Jaccard) of their shingle sets reaches this.</summary>
    public double Threshold { get; init; } = 0.3;

    /// <summary>
    /// Or when the estimated share of the smaller shingle set found in the larger reaches this (a truncated copy);
    /// null leaves containment out.
    /// </summary>
    public double? ContainmentThreshold { get; init; } = 0.8;

    /// <summary>Bodies shorter than this many normalized characters are matched exactly only.</summary>
    public int MinimumLength { get; init; } = 50;

    /// <summary>MinHash signature length: bands × rows.</summary>
    public int SignatureLength => Bands * RowsPerBand;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ShingleLength is < 2 or > 8)
        {
            errors.Add($"dedup shingle length {ShingleLength} is out of range: use 2 to 8 characters (3 to 5 suit Chinese).");
        }

        if (Bands < 1 || RowsPerBand < 1 || SignatureLength > 1024)
        {
            errors.Add("dedup bands and rows must be at least 1 and their product at most 1024.");
        }

        if (Threshold is <= 0 or > 1)
        {
            errors.Add($"dedup threshold {Threshold} is out of range: use a value in (0, 1].");
        }

        if (ContainmentThreshold is <= 0 or > 1)
        {
            errors.Add($"dedup containment threshold {ContainmentThreshold} is out of range: use a value in (0, 1], or none to turn it off.");
        }

        if (MinimumLength < ShingleLength)
        {
            errors.Add($"dedup minimum length {MinimumLength} is below the shingle length: use at least {ShingleLength}.");
        }

        return errors;
    }
}
