using System.Globalization;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;

namespace NewsEtl.Bench;

/// <summary>
/// Extraction accuracy over the real 2019 pages in shared/jiemian-2019: field exact-match against the values read
/// off each page (tests/NewsEtl.Core.Tests/Expected/jiemian-2019-articles.json), body character accuracy against a
/// plain reading of the body container's blocks, boilerplate lines left, list pages rejected.
/// </summary>
public static class ExtractionBenchmark
{
    private static readonly string[] TemplateMarkers = ["扫一扫", "下载界面", "APP", "评论", "分享", "微信", "微博", "相关文章", "推荐阅读", "未经正式授权", "责任编辑", "版权"];

    public static string Run(string root, TextWriter log)
    {
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "jiemian-2019"));
        if (!Directory.Exists(shared))
        {
            throw new DirectoryNotFoundException($"{shared} is not there: the benchmark reads the real pages beside the repository.");
        }

        Encodings.EnsureRegistered();
        var urls = File.ReadLines(Path.Combine(shared, "INDEX.tsv")).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => p[1]);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "tests", "NewsEtl.Core.Tests", "Expected", "jiemian-2019-articles.json")));
        var extractor = new HtmlArticleExtractor();
        var sb = new StringBuilder();
        sb.AppendLine("# Extraction benchmark").AppendLine();
        sb.AppendLine("`dotnet run -c Release --project bench/NewsEtl.Bench -- extract` over the real pages in `../shared/jiemian-2019/`.").AppendLine();
        sb.AppendLine("| page | fields exact | body char accuracy | paragraphs | boilerplate lines left |");
        sb.AppendLine("|---|--:|--:|--:|--:|");
        int fieldsRight = 0, fieldsTotal = 0, boilerplateLeft = 0;
        double accuracySum = 0;
        foreach (var page in expected.RootElement.EnumerateArray())
        {
            var file = page.GetProperty("file").GetString()!;
            var html = File.ReadAllText(Path.Combine(shared, file), Encoding.UTF8);
            var article = extractor.Extract(Page(file, html, urls.GetValueOrDefault(file))).Article
                ?? throw new InvalidOperationException($"{file} was rejected");
            var checks = new (string Name, bool Right)[]
            {
                ("title", article.Title == page.GetProperty("title").GetString()),
                ("lede", article.Subtitle == page.GetProperty("lede").GetString()),
                ("author", string.Join("、", article.Authors) == page.GetProperty("author").GetString()),
                ("published_at", article.PublishedAt == DateTimeOffset.Parse(page.GetProperty("published_at").GetString()!, CultureInfo.InvariantCulture)),
                ("column", article.Column == page.GetProperty("column").GetString()),
                ("tags", article.Tags.SequenceEqual(page.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!))),
                ("lead_caption", article.LeadImage?.Caption == page.GetProperty("lead_caption").GetString()),
                ("paragraphs", article.Paragraphs.Count == page.GetProperty("paragraphs").GetInt32()),
                ("first_paragraph", (article.Paragraphs.Count > 0 ? article.Paragraphs[0] : null) == page.GetProperty("first_paragraph").GetString()),
            };
            var right = checks.Count(c => c.Right);
            fieldsRight += right;
            fieldsTotal += checks.Length;
            var reference = ReferenceBody(html);
            var body = string.Join("\n", article.Paragraphs);
            var accuracy = 1 - ((double)Levenshtein.Distance(body, reference) / Math.Max(1, reference.Length));
            accuracySum += accuracy;
            var left = article.Paragraphs.Count(p => Boilerplate.IsBoilerplateLine(p) || (p.Length < 30 && TemplateMarkers.Any(m => p.Contains(m, StringComparison.Ordinal))));
            boilerplateLeft += left;
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {file} | {right}/{checks.Length} | {accuracy:P2} | {article.Paragraphs.Count} | {left} |");
            foreach (var miss in checks.Where(c => !c.Right))
            {
                log.WriteLine($"{file}: {miss.Name} differs");
            }
        }

        var lists = Directory.GetFiles(shared, "lists-*.html").Order(StringComparer.Ordinal).ToList();
        var rejected = lists.Count(f => extractor.Extract(Page(Path.GetFileName(f), File.ReadAllText(f, Encoding.UTF8), null)).Article is null);
        var pages = expected.RootElement.GetArrayLength();
        sb.AppendLine();
        sb.AppendLine("| measure | value |").AppendLine("|---|--:|");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| field exact-match rate | {fieldsRight}/{fieldsTotal} ({(double)fieldsRight / fieldsTotal:P1}) |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| body character accuracy (mean) | {accuracySum / pages:P2} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| boilerplate lines left | {boilerplateLeft} |");
        sb.AppendLine(CultureInfo.InvariantCulture, $"| list pages rejected | {rejected}/{lists.Count} |");
        var text = sb.ToString();
        log.Write(text);
        return text;
    }

    private static DecodedPage Page(string file, string html, string? url) =>
        new(new RawInput(file, Encoding.UTF8.GetBytes(html), url, null, "text/html"), PageFormat.Html, html, new CharsetDecision("utf-8", "utf8-valid", 0));

    /// <summary>
    /// An independent reading of the body: the text of each p, h3 and h4 in the body container, whitespace collapsed,
    /// leaving out image blocks and the full-size copy of the lead image (p.report-view).
    /// </summary>
    private static string ReferenceBody(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var container = document.QuerySelector(".article-content");
        if (container is null)
        {
            return string.Empty;
        }

        var blocks = container.QuerySelectorAll("p, h3, h4")
            .Where(e => !e.ClassList.Contains("report-view") && e.QuerySelector("img") is null)
            .Select(e => string.Join(' ', e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(t => t.Length > 0);
        return string.Join("\n", blocks);
    }
}
