using System.Globalization;
using NewsEtl.Model;

namespace NewsEtl.Output;

/// <summary>The documented column order of articles.csv: every record field but the paragraph and image lists (JSON only).</summary>
public static class ArticleColumns
{
    public static readonly string[] Header =
    [
        "id", "source", "url", "site", "title", "subtitle", "author", "outlet", "editor", "published_at",
        "column", "tags", "body", "paragraph_count", "char_count", "is_reprint", "script", "content_hash",
        "raw_sha256", "duplicate_of", "repair_count", "flags", "extractor", "charset", "lead_image", "lead_image_caption", "image_urls",
    ];

    public static string[] Fields(ArticleRecord r) =>
    [
        r.Id, r.Source, r.Url, r.Site, r.Title, r.Subtitle, r.Author, r.Outlet, r.Editor, r.PublishedAt,
        r.Column, r.Tags, r.Body, Number(r.ParagraphCount), Number(r.CharCount), Bool(r.IsReprint), r.Script, r.ContentHash,
        r.RawSha256, r.DuplicateOf, Number(r.RepairCount), r.Flags, r.Extractor, r.Charset, r.LeadImage, r.LeadImageCaption, r.ImageUrls,
    ];

    public static string Bool(bool value) => value ? "true" : "false";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Column order of rejected.csv.</summary>
public static class RejectionColumns
{
    public static readonly string[] Header = ["source", "stage", "reason", "is_failure"];

    public static string[] Fields(Rejection r) => [r.Source, r.Stage, r.Reason, ArticleColumns.Bool(r.IsFailure)];
}
