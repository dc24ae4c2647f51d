using NewsEtl.Dedup;
using NewsEtl.Model;

namespace NewsEtl.State;

/// <summary>What the store knows about one input: its bytes' hash and the record or rejection it produced.</summary>
public sealed record StoredOutcome(
    string Source,
    string? RawSha256,
    long Run,
    ArticleRecord? Record,
    string RepairsJsonl,
    IndexedArticle? Fingerprint,
    Rejection? Rejection,
    IReadOnlyDictionary<string, int> RepairKinds,
    string? FingerprintScheme);

/// <summary>The part of a stored input that decides whether it must be processed again.</summary>
public sealed record StoredInputState(string? RawSha256, bool IsFailure);
