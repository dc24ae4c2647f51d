using NewsEtl.Model;

namespace NewsEtl.Pipeline;

/// <summary>Time spent per stage on one input, in ticks of <see cref="System.Diagnostics.Stopwatch"/>.</summary>
public sealed record StageTimings(long Load, long Extract, long Repair, long Dedup);

/// <summary>What became of one input: a record with its audit trail, or a rejection.</summary>
public sealed record PageOutcome(
    string Source,
    ArticleRecord? Record,
    IReadOnlyList<RepairEntry> Repairs,
    Rejection? Rejection,
    CharsetDecision? Charset,
    StageTimings Timings)
{
    /// <summary>The record's body as <see cref="Dedup.TextFingerprint.Normalize"/> makes it (its content hash is of this), or null.</summary>
    public string? NormalizedBody { get; init; }

    public static PageOutcome Rejected(Rejection rejection, CharsetDecision? charset = null, StageTimings? timings = null) =>
        new(rejection.Source, null, [], rejection, charset, timings ?? new StageTimings(0, 0, 0, 0));
}
