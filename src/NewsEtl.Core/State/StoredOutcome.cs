using System.Text.Json;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.Output;

namespace NewsEtl.State;

/// <summary>What the store knows about one input: its bytes' hash and the record or rejection it produced.</summary>
public sealed record StoredOutcome(
    string Source,
    string? RawSha256,
    long Run,
    StoredArticle? Article,
    Rejection? Rejection)
{
    private static readonly Dictionary<string, int> EmptyKinds = [];

    /// <summary>The stored record, deserialized on every call (null for a rejection).</summary>
    public ArticleRecord? Record => Article?.ToRecord();

    /// <summary>The record's repairs.jsonl lines, each ending in '\n'.</summary>
    public string RepairsJsonl => Article?.RepairsJsonl ?? string.Empty;

    public IndexedArticle? Fingerprint => Article?.Fingerprint;

    public IReadOnlyDictionary<string, int> RepairKinds => Article?.RepairKinds ?? EmptyKinds;

    public string? FingerprintScheme => Article?.FingerprintScheme;
}

/// <summary>A stored record in the form it is written out: its JSON line and, when stored with it, its CSV row halves.</summary>
/// <param name="Json">The articles.jsonl line with an empty <c>duplicate_of</c>.</param>
/// <param name="Csv">The CSV row without <c>duplicate_of</c>; null for a record saved by an earlier schema.</param>
public sealed record StoredArticle(
    string Id,
    string Extractor,
    string Flags,
    string Json,
    CsvRowHalves? Csv,
    string RepairsJsonl,
    IndexedArticle Fingerprint,
    string? FingerprintScheme,
    IReadOnlyDictionary<string, int> RepairKinds)
{
    private const string EmptyDuplicate = "\"duplicate_of\":\"\"";

    public ArticleRecord ToRecord() => JsonSerializer.Deserialize<ArticleRecord>(Json, Output.Json.Lines)!;

    /// <summary>
    /// The JSON line with <paramref name="duplicateOf"/> in <c>duplicate_of</c>, or null when the value would need
    /// escaping. The property is found textually: inside a JSON string every quote is escaped, so the unescaped
    /// <c>"duplicate_of":""</c> can only be the property itself.
    /// </summary>
    public string? JsonWith(string duplicateOf)
    {
        if (duplicateOf.Length == 0)
        {
            return Json;
        }

        var at = Json.LastIndexOf(EmptyDuplicate, StringComparison.Ordinal);
        if (at < 0 || !CsvRowHalves.IsPlainField(duplicateOf))
        {
            return null;
        }

        var split = at + EmptyDuplicate.Length - 1;
        return string.Concat(Json.AsSpan(0, split), duplicateOf, Json.AsSpan(split));
    }
}

/// <summary>The part of a stored input that decides whether it must be processed again.</summary>
public sealed record StoredInputState(string? RawSha256, bool IsFailure);
