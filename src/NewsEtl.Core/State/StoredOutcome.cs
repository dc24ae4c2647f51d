using System.Text;
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
    public string RepairsJsonl => Article is { } article ? Encoding.UTF8.GetString(article.RepairsJsonl) : string.Empty;

    public IndexedArticle? Fingerprint => Article?.Fingerprint;

    public IReadOnlyDictionary<string, int> RepairKinds => Article?.RepairKinds ?? EmptyKinds;

    public string? FingerprintScheme => Article?.FingerprintScheme;
}

/// <summary>A stored record in the form it is written out: its JSON line and, when stored with it, its CSV row halves (UTF-8).</summary>
/// <param name="Json">The articles.jsonl line with an empty <c>duplicate_of</c>.</param>
/// <param name="Csv">The CSV row without <c>duplicate_of</c>; null for a record saved by an earlier schema.</param>
/// <param name="RepairsJsonl">The record's repairs.jsonl lines, each ending in '\n'.</param>
public sealed record StoredArticle(
    string Id,
    string Extractor,
    string Flags,
    byte[] Json,
    CsvRowHalves? Csv,
    byte[] RepairsJsonl,
    IndexedArticle Fingerprint,
    string? FingerprintScheme,
    IReadOnlyDictionary<string, int> RepairKinds)
{
    public ArticleRecord ToRecord() => JsonSerializer.Deserialize<ArticleRecord>(Json, Output.Json.Lines)!;

    /// <summary>
    /// Where the value of <c>duplicate_of</c> goes in <see cref="Json"/> (between its quotes), or -1. The property is
    /// found textually: inside a JSON string every quote is escaped, so the unescaped <c>"duplicate_of":""</c> can
    /// only be the property itself.
    /// </summary>
    public int DuplicateOfAt()
    {
        var at = Json.AsSpan().LastIndexOf("\"duplicate_of\":\"\""u8);
        return at < 0 ? -1 : at + "\"duplicate_of\":\"".Length;
    }

    /// <summary>The JSON line as text with <paramref name="duplicateOf"/> (a plain field) in <c>duplicate_of</c>.</summary>
    public string JsonText(string duplicateOf)
    {
        var at = DuplicateOfAt();
        return string.Concat(Encoding.UTF8.GetString(Json.AsSpan(0, at)), duplicateOf, Encoding.UTF8.GetString(Json.AsSpan(at)));
    }
}

/// <summary>The part of a stored input that decides whether it must be processed again.</summary>
public sealed record StoredInputState(string? RawSha256, bool IsFailure);
