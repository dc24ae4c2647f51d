using NewsEtl.Model;

namespace NewsEtl.Extraction.Html;

/// <summary>A body sorted out: its paragraphs, its images with captions, and the facts its template lines stated.</summary>
internal sealed record BodyParts(IReadOnlyList<string> Paragraphs, IReadOnlyList<ArticleImage> Images, Byline Byline, bool IsReprint);
