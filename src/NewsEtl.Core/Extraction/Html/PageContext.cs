using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>What both extractors need besides the document: the page's URL, its raw text and where the parse ended.</summary>
/// <param name="Url">The input's URL, else the page's canonical link, else og:url.</param>
/// <param name="HasClosingHtmlTag">Whether the raw text has &lt;/html&gt;: a page cut off in transit does not.</param>
/// <param name="LastNode">The last node the parser saw, taken before any cleaning: a cut-off page ends inside its body.</param>
internal sealed record PageContext(string? Url, bool HasClosingHtmlTag, INode? LastNode, ImageSources Images)
{
    public static PageContext Create(IHtmlDocument document, string rawText, string? inputUrl)
    {
        var url = Absolute(inputUrl)
            ?? Absolute(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"))
            ?? Absolute(HtmlMeta.Content(document, "og:url"));
        var closed = rawText.Contains("</html", StringComparison.OrdinalIgnoreCase);
        return new PageContext(url, closed, LastNodeOf(document), new ImageSources(url));
    }

    /// <summary>True when the page was cut off while the parser was still inside <paramref name="container"/>.</summary>
    public bool IsCutOffInside(IElement container) =>
        !HasClosingHtmlTag && LastNode is not null && container.Contains(LastNode);

    private static string? Absolute(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;

    private static INode? LastNodeOf(IDocument document)
    {
        INode? node = document.DocumentElement;
        while (node?.LastChild is { } child)
        {
            node = child;
        }

        return node;
    }
}
