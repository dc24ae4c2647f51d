namespace NewsEtl.Dedup;

/// <summary>
/// How articles are matched across pages and runs. The defaults are measured (bench/NewsEtl.DedupBench, figures in
/// bench/RESULTS-dedup.md) on generated same-topic articles and their copies: edits of 1–20% of characters,
/// re-ordered boilerplate, truncation to 50–90%, traditional script, folded punctuation.
/// </summary>
public sealed record NearDuplicateOptions
{
    /// <summary>
    /// Characters per shingle: Chinese has no spaces, so text is cut into overlapping character runs. 3 measured best:
    /// at precision ≥ 0.99, recall 0.990 (k 3) against 0.977 (k 4) and 0.936 (k 5); longer shingles lose heavily edited copies.
    /// </summary>
    public int ShingleLength { get; init; } = 3;

    /// <summary>
    /// LSH bands; an earlier article is a candidate when all the rows of one band agree. 64 × 3 finds a pair of
    /// resemblance 0.32 with probability 0.88 and 0.5 with 0.9997, at about 2 KB of index per article.
    /// </summary>
    public int Bands { get; init; } = 64;

    /// <summary>MinHash values per band (signature length = bands × rows = 192).</summary>
    public int RowsPerBand { get; init; } = 3;

    /// <summary>
    /// Two articles are near-duplicates when the estimated resemblance (Jaccard) of their shingle sets reaches this.
    /// 0.32 is the lowest threshold whose precision stays ≥ 0.995 among 100,000 records (0.998, recall 0.995; 0.30 gave
    /// 0.991). Distinct articles on one topic reach 0.24 at the 99.9th percentile; copies with 10–20% of characters
    /// edited fall to 0.30, so those are the copies a higher threshold loses first.
    /// </summary>
    public double Threshold { get; init; } = 0.32;

    /// <summary>
    /// Optionally also when the estimated share of the smaller shingle set found in the larger (between sizes within
    /// a factor of two) reaches this: a truncated copy. Off by default: at the default threshold truncated copies
    /// (to 50–90%) already resemble their original at 0.49 or more, and containment changed no measured result.
    /// </summary>
    public double? ContainmentThreshold { get; init; }

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
