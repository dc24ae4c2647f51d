using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using NewsEtl.Text;

namespace NewsEtl.Extraction.Html;

/// <summary>What both extractors need besides the document: the page's URL, its raw text and where the parse ended.</summary>
/// <param name="Url">The input's URL, else the page's canonical link, else og:url.</param>
/// <param name="HasClosingHtmlTag">Whether the raw text has &lt;/html&gt;: a page cut off in transit does not.</param>
/// <param name="LastNode">The last node the parser saw, taken before any cleaning: a cut-off page ends inside its body.</param>
internal sealed record PageContext(string? Url, bool HasClosingHtmlTag, INode? LastNode, ImageSources Images)
{
    private const int TailChars = 4096;

    private string _rawText = string.Empty;
    private bool _hasNumericReferences;
    private IDocument? _document;
    private ClassIndex? _classes;

    public static PageContext Create(IHtmlDocument document, string rawText, string? inputUrl)
    {
        var references = rawText.Contains("&#", StringComparison.Ordinal);
        var url = Absolute(inputUrl)
            ?? (MayContain(rawText, references, "canonical") ? Absolute(document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href")) : null)
            ?? (MayContain(rawText, references, "og:url") ? Absolute(HtmlMeta.Content(document, "og:url")) : null);
        var closed = ContainsFromEnd(rawText, "</html");
        return new PageContext(url, closed, LastNodeOf(document), new ImageSources(url)) {
            _rawText = rawText,
            _hasNumericReferences = references,
            _document = document,
        };
    }

    /// <summary>The first elements with Jiemian's template classes (<see cref="JiemianTemplate.IndexedClasses"/>), found on first use.</summary>
    public ClassIndex Classes => _classes ??= ClassIndex.Build(_document!, JiemianTemplate.IndexedClasses, JiemianTemplate.IndexedFragments);

    /// <summary>
    /// False when no element of the page can have <paramref name="word"/> in an attribute name or value: the raw text
    /// does not contain it (in any case) and has no numeric character reference that could spell it. Lets a
    /// document-wide query for something most pages lack be skipped.
    /// </summary>
    public bool MayContain(string word) => MayContain(_rawText, _hasNumericReferences, word);

    private static bool MayContain(string rawText, bool references, string word) =>
        references || IgnoreCaseSearch.Contains(rawText, word);

    /// <summary>Whether <paramref name="text"/> contains <paramref name="value"/> (ignoring case), looking at its end first, where a closing tag is.</summary>
    internal static bool ContainsFromEnd(string text, string value)
    {
        var tail = Math.Max(0, text.Length - TailChars);
        return IgnoreCaseSearch.Contains(text.AsSpan(tail), value)
            || IgnoreCaseSearch.Contains(text.AsSpan(0, Math.Min(text.Length, tail + value.Length - 1)), value);
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
