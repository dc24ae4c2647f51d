using AngleSharp.Html.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Fields of a page of unknown template, from its metadata and headings; read before cleaning removes them.</summary>
internal sealed record GenericFields(string Title, DateTimeOffset? PublishedAt, IReadOnlyList<string> Authors, string? Column, IReadOnlyList<string> Tags, string? SiteName, string? ImageUrl)
{
    private static readonly string[] TimeKeys = ["article:published_time", "og:release_date", "pubdate", "publishdate", "publish_date", "datePublished"];

    public static GenericFields Read(IHtmlDocument document)
    {
        var author = HtmlMeta.Content(document, "author") ?? HtmlMeta.Content(document, "article:author");
        return new GenericFields(
            ReadTitle(document),
            PublishTime(document),
            author is null || author.Contains("://", StringComparison.Ordinal) ? [] : [author],
            HtmlMeta.Content(document, "article:section"),
            HtmlMeta.All(document, "article:tag"),
            HtmlMeta.Content(document, "og:site_name"),
            HtmlMeta.Content(document, "og:image"));
    }

    private static string ReadTitle(IHtmlDocument document)
    {
        var fromTag = TitleCleaner.Clean(document.Title);
        // Logos are often an <h1> too; the headline is the h1 the <title> repeats, or a long one.
        var h1 = document.QuerySelectorAll("h1").Select(HtmlText.Of)
            .FirstOrDefault(t => t.Length >= 4 && (fromTag.Contains(t, StringComparison.Ordinal) || t.Length >= 8));
        return h1 ?? (fromTag.Length > 0 ? fromTag : HtmlMeta.Content(document, "og:title") ?? string.Empty);
    }

    private static DateTimeOffset? PublishTime(IHtmlDocument document)
    {
        foreach (var key in TimeKeys)
        {
            if (DateParser.FromIso(HtmlMeta.Content(document, key)) is { } value)
            {
                return value;
            }
        }

        if (DateParser.FromIso(document.QuerySelector("time[datetime]")?.GetAttribute("datetime")) is { } time)
        {
            return time;
        }

        const string InfoBoxes = "[class*='time'], [class*='date'], [id*='time'], [id*='date'], [class*='info'], [class*='meta'], time";
        return document.QuerySelectorAll(InfoBoxes)
            .Select(e => e.TextContent)
            .Where(t => t.Length < 300)
            .Select(DateParser.FromText)
            .FirstOrDefault(d => d is not null);
    }
}
