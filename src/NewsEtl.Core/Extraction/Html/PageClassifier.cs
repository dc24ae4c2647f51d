using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Decides what a parsed page is: a Jiemian article, one of Jiemian's non-article pages, an error page, or unknown.</summary>
internal static partial class PageClassifier
{
    public static PageKind Classify(IHtmlDocument document, PageContext context)
    {
        var url = context.Url;
        var jiemian = IsJiemian(document, url);

        // Either template generation has one of these; list, tag and error pages have neither.
        if (jiemian && context.Classes.First(JiemianTemplate.View, JiemianTemplate.Content) is not null)
        {
            return PageKind.JiemianArticle;
        }

        if (IsErrorPage(document))
        {
            return PageKind.ErrorPage;
        }

        if (!jiemian)
        {
            return PageKind.Unknown;
        }

        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : string.Empty;
        if (path.Contains("/tags/", StringComparison.OrdinalIgnoreCase))
        {
            return PageKind.TagPage;
        }

        // Channel pages are lists of article cards ("news-view"), loaded further by "#load-list".
        var cards = document.QuerySelectorAll(".news-view, .card-list .item, .columns-list .item").Length;
        return path.Contains("/lists/", StringComparison.OrdinalIgnoreCase) || cards >= 3 || document.QuerySelector("#load-list") is not null
            ? PageKind.ChannelList
            : PageKind.Unknown;
    }

    private static bool IsJiemian(IHtmlDocument document, string? url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Host.Equals("jiemian.com", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".jiemian.com", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return document.Title?.Contains("界面新闻", StringComparison.Ordinal) == true
            || HtmlMeta.Content(document, "og:site_name")?.Contains("界面", StringComparison.Ordinal) == true
            || document.QuerySelector("link[href*='jiemian.com'], script[src*='jiemian.com']") is not null;
    }

    private static bool IsErrorPage(IHtmlDocument document)
    {
        if (MissingPage().IsMatch(document.Title ?? string.Empty))
        {
            return true;
        }

        // Softer wording ("文章已删除", "出错了") can be a headline too, so it counts only on a short page's heading.
        var heading = HtmlText.Of(document.QuerySelector("h1, h2, .error, .error-page, .page-404, #error"));
        return heading.Length > 0 && (MissingPage().IsMatch(heading) || GoneContent().IsMatch(heading))
            && (document.Body is null ? 0 : HtmlText.CountHan(document.Body.TextContent)) < 600;
    }

    [GeneratedRegex(@"^\s*404\b|\b404\s*$|页面不存在|页面未找到|找不到(该|此|您要的)?页面|Page Not Found|^\s*Not Found\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MissingPage();

    [GeneratedRegex(@"文章不存在|内容不存在|已被?删除|已下线|出错了")]
    private static partial Regex GoneContent();
}
