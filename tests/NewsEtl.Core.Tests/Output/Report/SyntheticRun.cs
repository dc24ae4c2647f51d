using System.Globalization;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>Builds an output folder as a run would leave it (through the real <see cref="OutputSet"/>), from records and repairs a test makes up.</summary>
public sealed class SyntheticRun
{
    private readonly List<ArticleRecord> _records = [];
    private readonly List<RepairEntry> _repairs = [];
    private readonly List<Rejection> _rejections = [];

    public static ArticleRecord Record(string id, string title = "标题", string flags = "", string publishedAt = "", string source = "") => new()
    {
        Id = id,
        Source = source.Length > 0 ? source : id + ".html",
        Title = title,
        Body = "正文。",
        Paragraphs = ["正文。"],
        ContentHash = "hash-" + id,
        RawSha256 = "raw-" + id,
        Flags = flags,
        PublishedAt = publishedAt,
    };

    public static RepairEntry Change(
        string recordId, string kind = "pinyin-note", string before = "(yīng)", string after = "", double confidence = 1, int paragraph = 0, int offset = 3, string field = "body") =>
        new(recordId, recordId + ".html", "repair", kind, field, paragraph, offset, before, after, confidence);

    public static RepairEntry Removal(string recordId, string kind, int paragraph, string before) =>
        new(recordId, recordId + ".html", "dedup", kind, "body", paragraph, 0, before, string.Empty, 1);

    /// <summary>Adds a record and its repairs; the record's repair_count is set from them.</summary>
    public SyntheticRun Add(ArticleRecord record, params RepairEntry[] repairs)
    {
        _records.Add(record with { RepairCount = repairs.Length });
        _repairs.AddRange(repairs);
        return this;
    }

    public SyntheticRun Reject(string source, string reason, bool failure = false)
    {
        _rejections.Add(new Rejection(source, "extract", reason, failure));
        return this;
    }

    /// <summary>Writes articles.jsonl, articles.csv, repairs.jsonl, rejected.csv and run.json into <paramref name="folder"/>.</summary>
    public async Task WriteAsync(string folder, bool withRunJson = true)
    {
        await using (var output = new OutputSet(folder, new OutputOptions()))
        {
            foreach (var record in _records)
            {
                output.WriteArticle(record);
            }

            foreach (var repair in _repairs)
            {
                output.WriteRepair(repair);
            }

            foreach (var rejection in _rejections)
            {
                output.WriteRejection(rejection);
            }

            await output.CommitAsync(Report(), CancellationToken.None);
        }

        if (!withRunJson)
        {
            File.Delete(Path.Combine(folder, OutputSet.RunJson));
        }
    }

    private RunReport Report() => new()
    {
        Tool = "newsetl",
        Version = "0.1.0",
        Counts = new RunCounts(
            _records.Count + _rejections.Count,
            _records.Count,
            _rejections.Count,
            _rejections.Count(r => r.IsFailure),
            _records.Count(r => r.DuplicateOf.Length > 0),
            0,
            _repairs.Count),
        ThisRun = new ThisRunCounts(1, _records.Count + _rejections.Count, _records.Count + _rejections.Count, 0, _rejections.Count(r => r.IsFailure), 0, 0, "1/1"),
        RejectsByReason = Tally(_rejections.Select(r => $"{r.Stage}: {r.Reason}")),
        RepairsByKind = Tally(_repairs.Select(r => r.Kind)),
        Flags = Tally(_records.SelectMany(r => r.Flags.Split(';', StringSplitOptions.RemoveEmptyEntries))),
        Charsets = Tally(_records.Select(_ => "utf-8 (utf8-valid)")),
        Extractors = Tally(_records.Select(_ => "jiemian")),
        Options = new RunOptionsSummary(1, [], [], 1, [], true, false, 0.8, 3, 3, 0.5, false, true, false, false, 0),
        TimingsMs = new SortedDictionary<string, long>(StringComparer.Ordinal) { ["load"] = 1, ["extract"] = 2, ["repair"] = 3, ["dedup"] = 4, ["write"] = 5, ["total"] = 15 },
    };

    private static SortedDictionary<string, int> Tally(IEnumerable<string> keys)
    {
        var tally = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            tally[key] = tally.GetValueOrDefault(key) + 1;
        }

        return tally;
    }

    public static string Id(int i) => i.ToString("x16", CultureInfo.InvariantCulture);
}
