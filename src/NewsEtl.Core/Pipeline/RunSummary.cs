namespace NewsEtl.Pipeline;

/// <summary>What the caller needs after a run: the report, and whether any input failed in it.</summary>
public sealed record RunSummary(RunReport Report)
{
    /// <summary>True when some input failed in this run (I/O error, corrupt container, fetch or stage error); rejections of non-articles are not failures.</summary>
    public bool HasFailures => Report.ThisRun.Failed > 0;
}

/// <summary>Progress of a run, reported after each input.</summary>
public sealed record RunProgress(int Done, int Processed, int Unchanged, int Failed, string LastSource);
