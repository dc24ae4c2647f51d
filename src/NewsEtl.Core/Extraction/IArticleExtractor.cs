using NewsEtl.Model;

namespace NewsEtl.Extraction;

/// <summary>Finds the article in one decoded page, or says why the page holds none.</summary>
public interface IArticleExtractor
{
    ExtractionResult Extract(DecodedPage page);
}
