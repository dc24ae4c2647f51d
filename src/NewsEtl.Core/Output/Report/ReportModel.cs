namespace NewsEtl.Output.Report;

/// <summary>Everything the page shows, read from the output folder.</summary>
internal sealed record ReportModel(
    ReportOptions Options,
    RunFile? Run,
    ArticleScan Articles,
    IReadOnlyList<RecordSummary> Shown,
    RepairScan Repairs,
    RejectionScan Rejections,
    IReadOnlyList<string> Warnings)
{
    public int Inputs => Run?.Counts?.Inputs ?? Articles.Records.Count + Rejections.Total;

    public int Records => Run?.Counts?.Records ?? Articles.Records.Count;

    public int Rejected => Run?.Counts?.Rejected ?? Rejections.Total;

    public int Failed => Run?.Counts?.Failed ?? Rejections.Failed;

    public int Duplicates => Run?.Counts?.Duplicates ?? Articles.Records.Count(r => r.DuplicateOf.Length > 0);

    public int RepairCount => Run?.Counts?.Repairs ?? Repairs.Total;

    public int NeedReview => Articles.Records.Count(r => r.Rank == 0);

    public SortedDictionary<string, int> RejectsByReason => Run?.RejectsByReason ?? Rejections.ByReason;

    public SortedDictionary<string, int> RepairsByKind => Run?.RepairsByKind ?? Repairs.ByKind;

    public SortedDictionary<string, int> Flags => Run?.Flags ?? CountFlags();

    private SortedDictionary<string, int> CountFlags()
    {
        var flags = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var flag in Articles.Records.SelectMany(r => r.Flags))
        {
            flags[flag] = flags.GetValueOrDefault(flag) + 1;
        }

        return flags;
    }
}
