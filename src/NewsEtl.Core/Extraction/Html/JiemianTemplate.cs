using AngleSharp.Html.Dom;
using NewsEtl.Model;

namespace NewsEtl.Extraction.Html;

/// <summary>Extracts a Jiemian article page, 2015–2020 or 2021-on template, by its class names.</summary>
internal static class JiemianTemplate
{
    public const string Name = "jiemian";

    public const string View = "article-view";
    public const string Content = "article-content";
    public const string Header = "article-header";
    public const string Info = "article-info";
    public const string Mate = "main-mate";
    public const string MetaContainer = "meta-container";
    public const string LeadImage = "article-img";

    // A paywall mask over the body: by one of these classes, or any class that says "paywall".
    public const string PaywallFragment = "paywall";
    public static readonly string[] PaywallMasks = ["vip-mask", "article-vip", "jm-mask-vip"];

    /// <summary>The classes the template looks for in the whole document, indexed in one walk (<see cref="ClassIndex"/>).</summary>
    public static readonly string[] IndexedClasses = [View, Content, Header, Info, Mate, MetaContainer, LeadImage, .. PaywallMasks];

    /// <summary>Pieces of class attributes the template looks for in the whole document.</summary>
    public static readonly string[] IndexedFragments = [PaywallFragment];

    // Inside the body container: the lead image repeated at full size for sharing (p.report-view), the
    // 来源 / update-time box, ads, share and app widgets, paywall masks and the 2021 sticky header when nested.
    private const string BodyNoise =
        ".report-view, .article-source, .article-footer, .a-b-ad, .ad-content, [id^='ad-'], .ad-view, .t-ad, .cnzz-ads, [id^='taboola'], "
        + ".share-view, .article-share, .article-set, .jm-app, .app-download, .sticky-header, .article-sticky, [class*='sticky'], "
        + ".vip-mask, .article-vip, .jm-mask-vip, [class*='paywall'], .comment-view, .re-article, .author-view, .article-author";

    public static ExtractionResult Extract(IHtmlDocument document, PageContext page)
    {
        var header = JiemianHeader.Read(document, page.Classes, page.Images, page.MayContain(JiemianHeader.PublishTimeAttribute));
        var content = page.Classes.First(Content);
        if (content is null)
        {
            return ExtractionResult.Reject("no article body");
        }

        var truncated = page.IsCutOffInside(content);
        var paywalled = (page.MayContain("vip") || page.MayContain(PaywallFragment))
            && (page.Classes.First(PaywallMasks) is not null || page.Classes.FirstContaining(PaywallFragment) is not null);
        StructuralCleaner.Remove(content, StructuralCleaner.NeverContent + ", " + BodyNoise);
        var body = BodyAssembler.Assemble(new BodyReader(page.Images).Read(content));
        if (body.Paragraphs.Count == 0)
        {
            return ExtractionResult.Reject("no article body");
        }

        return ExtractionResult.Ok(new ExtractedArticle
        {
            Title = header.Title,
            Subtitle = header.Lede,
            // 2021 pages name the reporters in the body; the info bar then often names only the desk.
            Authors = body.Byline.Authors.Count > 0 ? body.Byline.Authors : header.Authors,
            Outlet = body.Byline.Outlet ?? header.ForeignSource,
            Editor = body.Byline.Editor,
            PublishedAt = header.PublishedAt,
            Column = header.Column,
            Tags = header.Tags,
            Url = page.Url,
            LeadImage = header.LeadImage,
            Images = body.Images.Where(i => i.Url != header.LeadImage?.Url).ToList(),
            Paragraphs = body.Paragraphs,
            IsReprint = body.IsReprint,
            Extractor = Name,
            Flags = ArticleFlags.Of(truncated, paywalled),
        });
    }
}
