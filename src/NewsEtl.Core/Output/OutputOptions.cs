namespace NewsEtl.Output;

/// <summary>How output files are written.</summary>
public sealed record OutputOptions
{
    /// <summary>
    /// Neutralize CSV cells that a spreadsheet would run as a formula (leading =, +, -, @, tab, CR) by prefixing a quote.
    /// On by default; turn off when the CSV only feeds programs.
    /// </summary>
    public bool CsvInjectionProtection { get; init; } = true;

    /// <summary>Leave records marked as duplicates out of articles.csv/jsonl (they are still counted in run.json).</summary>
    public bool DropDuplicates { get; init; }
}
