namespace NewsEtl.Output.Report;

/// <summary>Pass one over articles.jsonl: a summary per record, and which records the report shows in full.</summary>
internal sealed class ArticleScan
{
    private ArticleScan(List<RecordSummary> records, int malformed)
    {
        Records = records;
        Malformed = malformed;
    }

    /// <summary>Every record, in file order.</summary>
    public IReadOnlyList<RecordSummary> Records { get; }

    /// <summary>Lines that were not a JSON record.</summary>
    public int Malformed { get; }

    public static async Task<ArticleScan> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{OutputSet.ArticlesJsonl} not found in {Path.GetDirectoryName(path)}: a report reads the output folder of a finished run.", path);
        }

        var records = new List<RecordSummary>();
        var malformed = await JsonLines.ReadAsync<ArticleLine>(
            path,
            (line, number) => records.Add(new RecordSummary(
                number,
                line.Id ?? string.Empty,
                line.Source ?? string.Empty,
                line.Title ?? string.Empty,
                line.Url ?? string.Empty,
                line.PublishedAt ?? string.Empty,
                (line.Flags ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                line.RepairCount,
                line.DuplicateOf ?? string.Empty)),
            cancellationToken);
        return new ArticleScan(records, malformed);
    }

    /// <summary>The first <paramref name="max"/> records in report order (see <see cref="RecordSummary.Compare"/>).</summary>
    public IReadOnlyList<RecordSummary> Shown(int max)
    {
        var ordered = Records.ToList();
        ordered.Sort(RecordSummary.Compare);
        return ordered.Count > max ? ordered.GetRange(0, max) : ordered;
    }

    /// <summary>Pass three: the text of each shown record, handed to its bucket to place its repairs, then dropped.</summary>
    public static async Task AddContextAsync(string path, IReadOnlyDictionary<string, RepairBucket> buckets, CancellationToken cancellationToken)
    {
        if (buckets.Count == 0)
        {
            return;
        }

        await JsonLines.ReadAsync<ArticleText>(
            path,
            (line, _) =>
            {
                if (line.Id is not null && buckets.TryGetValue(line.Id, out var bucket))
                {
                    bucket.AddContext(line.Title ?? string.Empty, line.Subtitle ?? string.Empty, line.Paragraphs ?? []);
                }
            },
            cancellationToken,
            // Only the shown records' text is wanted: a line whose leading id is not one of them is not parsed.
            line => JsonLines.LeadingString(line, "id"u8) is not { } id || buckets.ContainsKey(id));
    }

    /// <summary>The fields of an articles.jsonl line that the report reads; body and paragraphs are skipped by the parser.</summary>
    private sealed record ArticleLine(
        string? Id,
        string? Source,
        string? Title,
        string? Url,
        string? PublishedAt,
        string? Flags,
        int RepairCount,
        string? DuplicateOf);

    /// <summary>The text fields of an articles.jsonl line, which the repairs' offsets refer to.</summary>
    private sealed record ArticleText(string? Id, string? Title, string? Subtitle, IReadOnlyList<string>? Paragraphs);
}
