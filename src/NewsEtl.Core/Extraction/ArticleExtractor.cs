using NewsEtl.Model;

namespace NewsEtl.Extraction;

/// <summary>Sends each page to the extractor for its format: text dumps and HTML pages.</summary>
public sealed class ArticleExtractor(IArticleExtractor html, IArticleExtractor text) : IArticleExtractor
{
    public ExtractionResult Extract(DecodedPage page) =>
        page.Format == PageFormat.Text ? text.Extract(page) : html.Extract(page);
}
