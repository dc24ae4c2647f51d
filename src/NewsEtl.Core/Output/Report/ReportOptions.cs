namespace NewsEtl.Output.Report;

/// <summary>How report.html is written: how much of a large run it shows in full, and its heading.</summary>
public sealed record ReportOptions
{
    /// <summary>Records shown with their repairs (flagged ones first); the rest are counted and left to articles.jsonl.</summary>
    public int MaxRecords { get; init; } = 200;

    /// <summary>Repairs shown per record (low-confidence ones kept first); the rest are counted and left to repairs.jsonl.</summary>
    public int MaxRepairsPerRecord { get; init; } = 100;

    /// <summary>Repairs shown in the whole page, spent on the records in report order: keeps a large run's page to a few MB.</summary>
    public int MaxRepairs { get; init; } = 10_000;

    /// <summary>The page's title and heading.</summary>
    public string Title { get; init; } = "NewsEtl 运行报告 · Run report";

    /// <summary>Throws when an option is out of range, naming the option and the fix.</summary>
    public void Validate()
    {
        if (MaxRecords < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRecords), MaxRecords, "MaxRecords must be 0 or more (0 leaves out the per-record section).");
        }

        if (MaxRepairsPerRecord < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRepairsPerRecord), MaxRepairsPerRecord, "MaxRepairsPerRecord must be 0 or more (0 lists no repair, only their counts).");
        }

        if (MaxRepairs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRepairs), MaxRepairs, "MaxRepairs must be 0 or more (0 lists no repair, only their counts).");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ArgumentException("Title must not be empty; leave it unset for the default heading.", nameof(Title));
        }
    }
}
