namespace NewsEtl.Model;

/// <summary>An image that belongs to the article, not to its text.</summary>
public sealed record ArticleImage(string Url, string? Caption);

/// <summary>What the extract stage found in a page: the article's fields and its body, boilerplate removed.</summary>
public sealed record ExtractedArticle
{
    public required string Title { get; init; }
    public string? Subtitle { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? Outlet { get; init; }
    public string? Editor { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? Column { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? Url { get; init; }
    public ArticleImage? LeadImage { get; init; }
    public IReadOnlyList<ArticleImage> Images { get; init; } = [];
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public bool IsReprint { get; init; }
    /// <summary>Which extractor produced this: "jiemian", "jiemian-text" or "generic".</summary>
    public required string Extractor { get; init; }
    public IReadOnlyList<string> Flags { get; init; } = [];
}

/// <summary>The extract stage's answer: an article, or the reason the page holds none.</summary>
public sealed record ExtractionResult(ExtractedArticle? Article, string? RejectReason)
{
    public static ExtractionResult Ok(ExtractedArticle article) => new(article, null);

    public static ExtractionResult Reject(string reason) => new(null, reason);
}
