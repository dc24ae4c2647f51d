using AngleSharp.Html.Dom;
using NewsEtl.Model;

namespace NewsEtl.Extraction.Html;

/// <summary>The fallback for pages of other sites or unknown templates: the densest Chinese prose container wins.</summary>
internal static class GenericExtractor
{
    public const string Name = "generic";
    public const string NoContent = "no article content found";

    // Below this a "body" is a teaser, a list or a widget, not an article.
    private const int MinParagraphs = 2;
    private const int MinHan = 80;
    private const double MaxParagraphLinkDensity = 0.5;

    public static ExtractionResult Extract(IHtmlDocument document, PageContext page)
    {
        if (document.Body is not { } body)
        {
            return ExtractionResult.Reject(NoContent);
        }

        var fields = GenericFields.Read(document);
        GenericCleaner.Clean(body);
        if (ContentScorer.Best(body) is not { } container)
        {
            return ExtractionResult.Reject(NoContent);
        }

        var parts = BodyAssembler.Assemble(new BodyReader(page.Images).Read(container), MaxParagraphLinkDensity);
        var paragraphs = parts.Paragraphs.Where(p => p != fields.Title && !IsInfoLine(p)).ToList();
        if (paragraphs.Count < MinParagraphs || paragraphs.Sum(HtmlText.CountHan) < MinHan)
        {
            return ExtractionResult.Reject(NoContent);
        }

        var lead = fields.ImageUrl is null ? null : new ArticleImage(fields.ImageUrl, null);
        return ExtractionResult.Ok(new ExtractedArticle
        {
            Title = fields.Title,
            Authors = parts.Byline.Authors.Count > 0 ? parts.Byline.Authors : fields.Authors,
            Outlet = parts.Byline.Outlet ?? fields.SiteName,
            Editor = parts.Byline.Editor,
            PublishedAt = fields.PublishedAt,
            Column = fields.Column,
            Tags = fields.Tags,
            Url = page.Url,
            LeadImage = lead,
            Images = parts.Images.Where(i => i.Url != lead?.Url).ToList(),
            Paragraphs = paragraphs,
            IsReprint = parts.IsReprint,
            Extractor = Name,
            Flags = ArticleFlags.Of(page.IsCutOffInside(container), paywalled: false),
        });
    }

    // "2021-05-07 10:00 来源：某报 作者：某某" inside the content box is the info bar, not prose.
    private static bool IsInfoLine(string paragraph) =>
        paragraph.Length < 80 && !paragraph.Contains('。', StringComparison.Ordinal) && DateParser.FromText(paragraph) is not null;
}
