namespace NewsEtl.Dedup;

/// <summary>How articles are matched across pages and runs.</summary>
public sealed record NearDuplicateOptions
{
    /// <summary>Characters per shingle: Chinese has no spaces, so text is cut into overlapping character runs.</summary>
    public int ShingleLength { get; init; } = 3;

    /// <summary>MinHash signature length: bands × rows.</summary>
    public int Bands { get; init; } = 32;

    public int RowsPerBand { get; init; } = 4;

    /// <summary>
    /// Two articles are near-duplicates when the estimated resemblance of their shingle sets, or the containment
    /// of the shorter in the longer (a truncated copy), reaches this value.
    /// </summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>Bodies shorter than this many normalized characters are matched exactly only.</summary>
    public int MinimumLength { get; init; } = 50;

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

        return errors;
    }
}
