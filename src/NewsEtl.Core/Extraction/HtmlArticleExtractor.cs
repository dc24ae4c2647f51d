using AngleSharp.Html.Parser;
using NewsEtl.Extraction.Html;
using NewsEtl.Model;

namespace NewsEtl.Extraction;

/// <summary>
/// Extracts the article from an HTML page: Jiemian's template (2015–2020 and 2021 on) by its class names,
/// anything else by content density; list, tag, error, empty and binary pages are rejected with a reason.
/// </summary>
public sealed class HtmlArticleExtractor(ExtractionOptions? options = null) : IArticleExtractor
{
    // One parser per thread: making one builds AngleSharp's configuration and element factories each time (about 4 %
    // of extraction), and a document is all a parse shares with the next.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    private readonly ExtractionOptions _options = options ?? ExtractionOptions.Default;

    public ExtractionResult Extract(DecodedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Format != PageFormat.Html)
        {
            throw new ArgumentException($"{nameof(HtmlArticleExtractor)} reads HTML pages; '{page.Source}' is {page.Format}.", nameof(page));
        }

        if (TextGuard.Check(page.Text) is { } reason)
        {
            return ExtractionResult.Reject(reason);
        }

        // The text is decoded already: parsing a string keeps AngleSharp from guessing a charset from <meta>.
        var text = NestingGuard.Flatten(page.Text, _options.MaxNestingDepth, out _);
        var document = (t_parser ??= new HtmlParser()).ParseDocument(text);
        if (TreeDepth.Exceeds(document, 4 * _options.MaxNestingDepth))
        {
            // The guard models the parser closely enough that this needs markup built to defeat it; refuse such a tree
            // rather than walk it.
            return ExtractionResult.Reject($"nesting deeper than {4 * _options.MaxNestingDepth} levels after flattening");
        }

        if (document.Body is not { } body || !HtmlText.HasText(body))
        {
            return ExtractionResult.Reject("empty page");
        }

        var context = PageContext.Create(document, text, page.Input.Url);
        return PageClassifier.Classify(document, context) switch
        {
            PageKind.JiemianArticle => JiemianTemplate.Extract(document, context),
            PageKind.ChannelList => ExtractionResult.Reject("not an article: channel list page"),
            PageKind.TagPage => ExtractionResult.Reject("not an article: tag page"),
            PageKind.ErrorPage => ExtractionResult.Reject("not an article: error page"),
            _ => GenericExtractor.Extract(document, context),
        };
    }
}
