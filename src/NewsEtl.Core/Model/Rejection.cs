namespace NewsEtl.Model;

/// <summary>An input that produced no record, with the stage that stopped it and why.</summary>
/// <param name="IsFailure">True when the input failed (I/O, fetch, stage error); false when it was rejected as expected (not an article).</param>
public sealed record Rejection(string Source, string Stage, string Reason, bool IsFailure);
