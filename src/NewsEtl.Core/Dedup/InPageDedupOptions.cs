namespace NewsEtl.Dedup;

/// <summary>How repeated copies of an article inside one page are found.</summary>
public sealed record InPageDedupOptions
{
    /// <summary>Paragraphs at least this similar (Dice over character pairs, 0..1) are copies of each other.</summary>
    public double ParagraphSimilarity { get; init; } = 0.8;

    /// <summary>A repeat is removed only when this many consecutive paragraphs repeat: a refrain or a quoted line stays.</summary>
    public int MinimumBlock { get; init; } = 3;

    /// <summary>
    /// Pages with more paragraphs than this are compared exactly, not fuzzily, to bound the work. Similar pairs are
    /// found once by prefix filtering, so 5,000 paragraphs take well under a tenth of a second (bench/RESULTS-dedup.md).
    /// </summary>
    public int MaximumFuzzyParagraphs { get; init; } = 5000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (ParagraphSimilarity is <= 0.5 or > 1)
        {
            errors.Add($"dedup paragraph similarity {ParagraphSimilarity} is out of range: use a value in (0.5, 1].");
        }

        if (MinimumBlock < 2)
        {
            errors.Add($"dedup minimum block {MinimumBlock} is too small: use 2 or more so a repeated single line is kept.");
        }

        return errors;
    }
}
