using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsEtl.Model;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// The fields Jiemian prints around the body, read the same way for both template generations:
/// <c>.article-header</c> (h1 + lede), <c>.article-info</c> (authors · time · views · 来源), <c>.main-mate</c>
/// (2021: <c>.meta-container</c>; column link + <c>a.tags</c>) and <c>.article-img</c> (lead image + caption).
/// </summary>
internal sealed record JiemianHeader(
    string Title,
    string? Lede,
    IReadOnlyList<string> Authors,
    DateTimeOffset? PublishedAt,
    string? Source,
    string? Column,
    IReadOnlyList<string> Tags,
    ArticleImage? LeadImage)
{
    public const string PublishTimeAttribute = "data-article-publish-time";

    /// <param name="stamped">False when the page's text has no <see cref="PublishTimeAttribute"/>: no element can carry it.</param>
    public static JiemianHeader Read(IHtmlDocument document, ClassIndex classes, ImageSources images, bool stamped = true)
    {
        var header = classes.First(JiemianTemplate.Header);
        var info = classes.First(JiemianTemplate.Info);
        var mate = classes.First(JiemianTemplate.Mate, JiemianTemplate.MetaContainer);

        var title = HtmlText.Of(header?.QuerySelector("h1"));
        return new JiemianHeader(
            title.Length > 0 ? title : TitleCleaner.Clean(document.Title),
            HtmlText.OrNull(HtmlText.Of(header?.Children.FirstOrDefault(c => c.LocalName == "p"))),
            ReadAuthors(info),
            PublishTime(document, info, stamped),
            ReadSource(info),
            HtmlText.OrNull(HtmlText.Of(mate?.QuerySelectorAll("a").FirstOrDefault(a => !a.ClassList.Contains("tags"))))
                ?? HtmlMeta.Content(document, "og:category"),
            Distinct(mate?.QuerySelectorAll("a.tags")),
            ReadLeadImage(classes.First(JiemianTemplate.LeadImage), images));
    }

    /// <summary>Jiemian's own desks ("界面新闻", "界面宏观") are not an outlet; another name under 来源 is.</summary>
    public string? ForeignSource => Source is { } s && !s.StartsWith("界面", StringComparison.Ordinal) ? s : null;

    private static List<string> ReadAuthors(IElement? info)
    {
        var author = info?.QuerySelector(".author");
        if (author is null)
        {
            return [];
        }

        var links = author.QuerySelectorAll("a");
        return links.Length > 0
            ? Distinct(links)
            : author.TextContent.Split([' ', '·', '\u00A0'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
    }

    private static DateTimeOffset? PublishTime(IHtmlDocument document, IElement? info, bool stamped)
    {
        // 2021 on: Unix seconds in an attribute; 2015–2020: "2019/05/07 07:46" as text.
        var stamp = stamped ? info?.QuerySelector("[data-article-publish-time]") ?? document.QuerySelector("[data-article-publish-time]") : null;
        return DateParser.FromUnix(stamp?.GetAttribute(PublishTimeAttribute))
            ?? DateParser.FromText(info?.TextContent)
            ?? DateParser.FromIso(HtmlMeta.Content(document, "article:published_time"));
    }

    private static string? ReadSource(IElement? info)
    {
        foreach (var span in info?.QuerySelectorAll("span") ?? Enumerable.Empty<IElement>())
        {
            var text = HtmlText.Of(span);
            if (text.StartsWith("来源", StringComparison.Ordinal) && text.Length > 3 && text[2] is ':' or '：')
            {
                return HtmlText.OrNull(text[3..].Trim());
            }
        }

        return null;
    }

    private static ArticleImage? ReadLeadImage(IElement? box, ImageSources images)
    {
        if (box?.QuerySelector("img") is not { } img || images.UrlOf(img) is not { } url)
        {
            return null;
        }

        var caption = HtmlText.Of(box.QuerySelector("figcaption, p, .caption, span"));
        return new ArticleImage(url, HtmlText.OrNull(caption));
    }

    private static List<string> Distinct(IEnumerable<IElement>? elements) =>
        (elements ?? []).Select(HtmlText.Of).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
