namespace NewsEtl.Pipeline;

/// <summary>What the caller needs after a run: the report, and whether any input failed.</summary>
public sealed record RunSummary(RunReport Report)
{
    /// <summary>True when some input failed (I/O error, corrupt container, stage error); rejections of non-articles are not failures.</summary>
    public bool HasFailures => Report.Counts.Failed > 0;
}

/// <summary>Progress of a run, reported after each input.</summary>
public sealed record RunProgress(int Done, int Records, int Rejected, string LastSource);
