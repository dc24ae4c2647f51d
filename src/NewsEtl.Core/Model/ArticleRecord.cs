namespace NewsEtl.Model;

/// <summary>
/// One normalized article as written to articles.csv and articles.jsonl. Field order here is the
/// documented column order; README lists each field's meaning.
/// </summary>
public sealed record ArticleRecord
{
    public required string Id { get; init; }
    public required string Source { get; init; }
    public string Url { get; init; } = string.Empty;
    public string Site { get; init; } = string.Empty;
    public required string Title { get; init; }
    public string Subtitle { get; init; } = string.Empty;
    public string Author { get; init; } = string.Empty;
    public string Outlet { get; init; } = string.Empty;
    public string Editor { get; init; } = string.Empty;
    public string PublishedAt { get; init; } = string.Empty;
    public string Column { get; init; } = string.Empty;
    public string Tags { get; init; } = string.Empty;
    public required string Body { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public int ParagraphCount { get; init; }
    public int CharCount { get; init; }
    public bool IsReprint { get; init; }
    public string Script { get; init; } = string.Empty;
    public required string ContentHash { get; init; }
    public required string RawSha256 { get; init; }
    public string DuplicateOf { get; init; } = string.Empty;
    public int RepairCount { get; init; }
    public string Flags { get; init; } = string.Empty;
    public string Extractor { get; init; } = string.Empty;
    public string Charset { get; init; } = string.Empty;
    public string LeadImage { get; init; } = string.Empty;
    public string LeadImageCaption { get; init; } = string.Empty;

    /// <summary>URLs of the images inside the body, in order, separated by one space.</summary>
    public string ImageUrls { get; init; } = string.Empty;

    /// <summary>JSON only: the body's images with their captions.</summary>
    public IReadOnlyList<ArticleImage> Images { get; init; } = [];
}
