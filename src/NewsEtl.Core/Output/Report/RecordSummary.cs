namespace NewsEtl.Output.Report;

/// <summary>What the report keeps of every record in articles.jsonl: enough to count, chart and order it, not its text.</summary>
internal sealed record RecordSummary(
    int Line,
    string Id,
    string Source,
    string Title,
    string Url,
    string PublishedAt,
    IReadOnlyList<string> Flags,
    int RepairCount,
    string DuplicateOf)
{
    public const string UnrepairedSpan = "unrepaired-span";
    public const string LowConfidenceRepair = "low-confidence-repair";

    /// <summary>0: needs a look (unrepaired spans, low-confidence repairs); 1: other flags or repairs; 2: clean.</summary>
    public int Rank =>
        Flags.Contains(UnrepairedSpan) || Flags.Contains(LowConfidenceRepair) ? 0
        : Flags.Count > 0 || RepairCount > 0 ? 1
        : 2;

    /// <summary>The publication day (yyyy-MM-dd, in the page's own time zone), or null when the record has no date.</summary>
    public string? Day =>
        PublishedAt.Length >= 10 && char.IsAsciiDigit(PublishedAt[0]) && PublishedAt[4] == '-' && PublishedAt[7] == '-'
            ? PublishedAt[..10]
            : null;

    /// <summary>The order of the per-record section: rank, then source, then id (all ordinal, so stable across runs).</summary>
    public static int Compare(RecordSummary a, RecordSummary b)
    {
        var c = a.Rank.CompareTo(b.Rank);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Source, b.Source);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Id, b.Id);
        }

        return c == 0 ? a.Line.CompareTo(b.Line) : c;
    }
}
