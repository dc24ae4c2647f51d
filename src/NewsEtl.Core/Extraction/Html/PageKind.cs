namespace NewsEtl.Extraction.Html;

/// <summary>What a parsed page is, decided before any field is read.</summary>
internal enum PageKind
{
    /// <summary>A page of another site or an unknown template: the generic extractor tries it.</summary>
    Unknown,
    JiemianArticle,
    ChannelList,
    TagPage,
    ErrorPage,
}
