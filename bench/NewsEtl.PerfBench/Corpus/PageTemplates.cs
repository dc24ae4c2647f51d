namespace NewsEtl.PerfBench.Corpus;

/// <summary>
/// Real Jiemian pages read at benchmark time (never copied into the repository) and cut into the pieces
/// around the parts a generated page replaces: title, header, info bar, body container, end of body.
/// </summary>
internal sealed class PageTemplates
{
    private PageTemplates(IReadOnlyList<ArticleTemplate> articles, IReadOnlyList<string> lists)
    {
        Articles = articles;
        Lists = lists;
    }

    public IReadOnlyList<ArticleTemplate> Articles { get; }

    /// <summary>Channel list pages, whole.</summary>
    public IReadOnlyList<string> Lists { get; }

    /// <summary>Loads article-*.html and lists-*.html from <paramref name="folder"/> (the shared 2019 capture).</summary>
    public static PageTemplates Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException(
                $"template folder {folder} does not exist: pass --templates DIR with the saved Jiemian pages (shared/jiemian-2019).");
        }

        var articles = Directory.GetFiles(folder, "article-*.html").Order(StringComparer.Ordinal)
            .Select(f => ArticleTemplate.Parse(File.ReadAllText(f))).ToList();
        var lists = Directory.GetFiles(folder, "lists-*.html").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
        if (articles.Count == 0 || lists.Count == 0)
        {
            throw new InvalidOperationException($"template folder {folder} needs article-*.html and lists-*.html pages.");
        }

        return new PageTemplates(articles, lists);
    }
}

/// <summary>An article page cut at the generated parts; <see cref="Build"/> puts a page together again.</summary>
internal sealed record ArticleTemplate(string Head, string AfterTitle, string AfterHeader, string AfterInfo, string ContentOpen, string AfterContent, string Tail)
{
    public static ArticleTemplate Parse(string html)
    {
        var titleStart = Find(html, "<title>", 0);
        var titleEnd = Find(html, "</title>", titleStart) + "</title>".Length;
        var (headerStart, headerEnd) = Element(html, "<div class=\"article-header\">", titleEnd);
        var (infoStart, infoEnd) = Element(html, "<div class=\"article-info\">", headerEnd);
        var contentTag = "<div class=\"article-content\">";
        var (contentStart, contentEnd) = Element(html, contentTag, infoEnd);
        var bodyEnd = html.LastIndexOf("</body>", StringComparison.Ordinal);
        return new ArticleTemplate(
            html[..titleStart],
            html[titleEnd..headerStart],
            html[headerEnd..infoStart],
            html[infoEnd..contentStart],
            contentTag,
            html[contentEnd..bodyEnd],
            html[bodyEnd..]);
    }

    public string Build(string title, string header, string info, string bodyHtml, string padding) =>
        string.Concat([Head, "<title>", title, "|界面新闻</title>", AfterTitle, header, AfterHeader, info, AfterInfo, ContentOpen, bodyHtml, "</div>", AfterContent, padding, Tail]);

    private static int Find(string html, string what, int from)
    {
        var at = html.IndexOf(what, from, StringComparison.Ordinal);
        return at >= 0 ? at : throw new InvalidOperationException($"template has no {what}");
    }

    /// <summary>Start and end (after its closing tag) of the div opened by <paramref name="openTag"/>, by counting nested divs.</summary>
    private static (int Start, int End) Element(string html, string openTag, int from)
    {
        var start = Find(html, openTag, from);
        var depth = 0;
        var i = start;
        while (i < html.Length)
        {
            var open = html.IndexOf("<div", i, StringComparison.Ordinal);
            var close = html.IndexOf("</div>", i, StringComparison.Ordinal);
            if (close < 0)
            {
                break;
            }

            if (open >= 0 && open < close)
            {
                depth++;
                i = open + 4;
                continue;
            }

            depth--;
            i = close + "</div>".Length;
            if (depth == 0)
            {
                return (start, i);
            }
        }

        throw new InvalidOperationException($"template's {openTag} is not closed");
    }
}
