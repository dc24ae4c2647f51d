using System.Globalization;
using System.Net;
using System.Text;
using NewsEtl.Text;

namespace NewsEtl.PerfBench.Corpus;

/// <summary>The kinds of page in the corpus, with their share (per mille) of the pages.</summary>
internal enum PageKind
{
    Utf8Meta,
    Utf8NoMeta,
    Gbk,
    Big5,
    DamagedMirror,
    TextDump,
    ListPage,
}

/// <summary>A generated input file.</summary>
/// <param name="Expected">For an article page or a text dump, the body a perfect cleaner gives back: the article's
/// paragraphs as the page writes them before any damage (in its script; punctuation folded where the page folds it);
/// null for list pages.</param>
internal sealed record GeneratedPage(PageKind Kind, string Extension, byte[] Bytes, IReadOnlyList<string>? Expected = null);

/// <summary>
/// How a text dump is made. The corpus uses <see cref="Standard"/>; the others, for the quality command only, vary what
/// the sample page does not show: its script and charset, and how thick the converter's notes are.
/// </summary>
internal enum TextDumpVariant
{
    /// <summary>Traditional script, a note after one in forty traditional-only characters, GBK chunk damage.</summary>
    Standard,

    /// <summary>As the sample page: a note after one in four traditional-only characters (6 % of its Han characters).</summary>
    DenseNotes,

    /// <summary>Simplified script (no converter, so no notes), GBK chunk damage.</summary>
    Simplified,

    /// <summary>Traditional script (no notes: Big5 cannot write their tone marks), encoded Big5, decoded out of step in chunks.</summary>
    Big5,
}

/// <summary>Builds one page of a given kind and target size from the templates and generated text.</summary>
internal sealed class PageFactory(PageTemplates templates, TextDumpVariant dumpVariant = TextDumpVariant.Standard)
{
    public const int MinBytes = 60 * 1024;
    public const int MaxBytes = 200 * 1024;

    // Per mille: clean UTF-8 with and without <meta charset>, GBK, Big5, damaged mirrors, text dumps, list pages.
    private static readonly (PageKind Kind, int Share)[] Mix =
    [
        (PageKind.Utf8Meta, 280), (PageKind.Utf8NoMeta, 100), (PageKind.Gbk, 150), (PageKind.Big5, 100),
        (PageKind.DamagedMirror, 150), (PageKind.TextDump, 150), (PageKind.ListPage, 70),
    ];

    public static PageKind KindOf(Random random)
    {
        var roll = random.Next(1000);
        foreach (var (kind, share) in Mix)
        {
            if (roll < share)
            {
                return kind;
            }

            roll -= share;
        }

        return PageKind.Utf8Meta;
    }

    public GeneratedPage Build(int index, Random random)
    {
        var kind = KindOf(random);
        var target = random.Next(MinBytes, MaxBytes + 1);
        return kind switch
        {
            PageKind.TextDump => TextDump(random, target),
            PageKind.ListPage => new GeneratedPage(kind, ".html", ListPage(random, target)),
            _ => ArticlePage(index, kind, random, target),
        };
    }

    private GeneratedPage ArticlePage(int index, PageKind kind, Random random, int target)
    {
        var template = templates.Articles[random.Next(templates.Articles.Count)];
        var bytesPerChar = kind is PageKind.Gbk or PageKind.Big5 ? 2 : 3;
        // About a third to two thirds of the page is article text; markup and padding fill the rest.
        var bodyChars = Math.Max(800, (target - 45_000) * (35 + random.Next(35)) / 100 / bytesPerChar);
        var article = ArticleWriter.Write(random, bodyChars);
        var traditional = kind == PageKind.Big5 || (kind == PageKind.DamagedMirror && random.Next(2) == 0);
        var body = BodyHtml(article, random);
        var expected = article.Paragraphs
            .Select(p => traditional ? ChineseScript.ToTraditional(p.Text) : p.Text)
            .Select(p => kind == PageKind.DamagedMirror ? Damage.FoldPunctuation(p) : p)
            // What the page's charset can carry (the encoder drops the rest: Big5 has no 爲).
            .Select(p => kind switch { PageKind.Gbk => Damage.GbkStrict.GetString(Damage.GbkStrict.GetBytes(p)), PageKind.Big5 => Damage.Big5Strict.GetString(Damage.Big5Strict.GetBytes(p)), _ => p })
            .ToList();
        if (kind == PageKind.DamagedMirror)
        {
            var text = traditional ? ChineseScript.ToTraditional(body) : body;
            body = Damage.FoldPunctuation(Damage.OutOfStep(text, random, chunkBytes: 4096 + random.Next(8192)));
            traditional = false; // already converted
        }

        var header = $"<div class=\"article-header\"><h1>{Esc(article.Title)}</h1><p>{Esc(article.Lede)}</p></div>";
        var info = $"<div class=\"article-info\"><p><span class=\"author\">{string.Concat(article.Authors.Select(a => $"<a href=\"https://a.jiemian.com/index.php?m=user&a=center&id={random.Next(100000000, 120000000)}\" target=\"_blank\">{a}</a> "))}<i>·</i> </span>"
            + $"<span>{article.PublishedAt.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture)}</span><span>浏览 {random.Next(1, 300) / 10.0:0.0}W</span><span>来源：{article.Outlet}</span></p></div>";
        var html = template.Build(Esc(article.Title), header, info, body, string.Empty);
        var paddingBytes = target - Size(html, bytesPerChar);
        html = template.Build(Esc(article.Title), header, info, body, Padding(random, paddingBytes, bytesPerChar));
        if (random.Next(4) == 0)
        {
            // Browser-saved copies say where they came from.
            var url = $"https://www.jiemian.com/article/{3_000_000 + index}.html";
            html = $"<!-- saved from url=({url.Length:D4}){url} -->\n" + html;
        }

        if (traditional)
        {
            html = ChineseScript.ToTraditional(html);
        }

        var bytes = kind switch
        {
            PageKind.Utf8NoMeta => Encoding.UTF8.GetBytes(html.Replace("<meta charset=\"UTF-8\">", string.Empty, StringComparison.Ordinal)),
            PageKind.Gbk => Damage.GbkStrict.GetBytes(WithMeta(html, random.Next(3) switch { 0 => "gbk", 1 => "gb2312", _ => null })),
            PageKind.Big5 => Damage.Big5Strict.GetBytes(WithMeta(html, random.Next(3) == 0 ? null : "big5")),
            _ => Encoding.UTF8.GetBytes(html),
        };
        return new GeneratedPage(kind, ".html", bytes, expected);
    }

    private static string WithMeta(string html, string? charset) =>
        html.Replace("<meta charset=\"UTF-8\">", charset is null ? string.Empty : $"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">", StringComparison.Ordinal);

    private static string BodyHtml(GeneratedArticle article, Random random)
    {
        var sb = new StringBuilder();
        foreach (var (text, isSubhead) in article.Paragraphs)
        {
            if (isSubhead)
            {
                sb.Append("<h4>").Append(Esc(text)).Append("</h4>\n\n");
                continue;
            }

            if (random.Next(14) == 0)
            {
                var id = random.NextInt64(150_000_000_000_000, 160_000_000_000_000);
                sb.Append($"<p style=\"text-align:center;\"><img src=\"//img{random.Next(1, 6)}.jiemian.com/101/original/20190507/{id}.jpg\" alt=\"\"/></p>");
                sb.Append("<p style=\"text-align:center;\"><span>图片来源：视觉中国</span></p>\n\n");
            }

            sb.Append("<p>").Append(Esc(text)).Append("</p>\n\n");
        }

        return sb.ToString();
    }

    private byte[] ListPage(Random random, int target)
    {
        var html = templates.Lists[random.Next(templates.Lists.Count)];
        var cut = html.LastIndexOf("</body>", StringComparison.Ordinal);
        var padded = html[..cut] + Padding(random, target - Encoding.UTF8.GetByteCount(html), 3) + html[cut..];
        return Encoding.UTF8.GetBytes(padded);
    }

    /// <summary>Right-column cards and an inline state script, as newer pages carry, up to about <paramref name="bytes"/>.</summary>
    private static string Padding(Random random, int bytes, int bytesPerChar)
    {
        var sb = new StringBuilder();
        var size = 0;
        void Add(string piece)
        {
            sb.Append(piece);
            size += Size(piece, bytesPerChar);
        }

        Add("<div class=\"main-right-side more-news\">");
        var cardBudget = bytes * 7 / 10;
        while (size < cardBudget)
        {
            var id = random.Next(3_000_000, 3_200_000);
            var headline = Esc(ArticleWriter.Headline(random));
            Add(string.Create(CultureInfo.InvariantCulture, $"<div class=\"news-view\"><div class=\"news-img\"><a href=\"https://www.jiemian.com/article/{id}.html\"><img src=\"//img2.jiemian.com/101/original/20190507/{random.NextInt64(1_000_000_000_000)}_a260x129.jpg\" alt=\"{headline}\" width=\"260\" height=\"129\"></a></div>"));
            Add(string.Create(CultureInfo.InvariantCulture, $"<div class=\"news-header\"><h3><a href=\"https://www.jiemian.com/article/{id}.html\">{headline}</a></h3></div>"));
            Add(string.Create(CultureInfo.InvariantCulture, $"<div class=\"news-footer\"><p><span class=\"author\"><a>{ArticleWriter.Name(random)}</a> <i>·</i> </span><span class=\"date\">{random.Next(1, 13):D2}/{random.Next(1, 29):D2}</span></p></div></div>"));
        }

        Add("</div><script type=\"text/javascript\">window.__JM_STATE__={\"recommend\":[");
        var first = true;
        while (size < bytes)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{(first ? string.Empty : ",")}{{\"id\":{random.Next(3_000_000, 3_200_000)},\"title\":\"{ArticleWriter.Headline(random)}\",\"pv\":{random.Next(100, 99999)},\"tag\":\"rcmd-{random.Next(1000):D3}\"}}"));
            first = false;
        }

        return sb.Append("]};</script>").ToString();
    }

    private static int Size(string text, int bytesPerChar) => Size(text.AsSpan(), bytesPerChar);

    // A cheap byte estimate: ASCII is one byte, anything else bytesPerChar.
    private static int Size(ReadOnlySpan<char> text, int bytesPerChar)
    {
        var ascii = 0;
        foreach (var c in text)
        {
            ascii += c < 0x80 ? 1 : 0;
        }

        return ascii + ((text.Length - ascii) * bytesPerChar);
    }

    private static string Esc(string text) => WebUtility.HtmlEncode(text);

    private GeneratedPage TextDump(Random random, int target)
    {
        var copies = 2 + random.Next(2);
        var article = ArticleWriter.Write(random, Math.Max(1500, target / 3 / copies - 400));
        var lines = new List<string> { "正在阅读:", article.Title, "扫一扫下载界面新闻APP" };
        for (var copy = 0; copy < copies; copy++)
        {
            lines.Add(article.Title);
            lines.Add(article.Lede);
            lines.Add($"文 | {article.Outlet} {string.Join(" ", article.Authors)}");
            lines.Add($"编辑 | {article.Editor}");
            lines.AddRange(article.Paragraphs.Select((p, i) => p.IsSubhead ? $"{i:D2} {p.Text}" : p.Text));
            lines.Add("本文为转载内容,授权事宜请联系原著作权人。");
            if (copy == 0)
            {
                lines.AddRange(["评论", "暂无评论哦,快来评价一下吧!", "下载界面新闻", "微信公众号", "微博"]);
            }
        }

        var traditional = dumpVariant != TextDumpVariant.Simplified;
        var text = string.Join("\n\n", lines) + "\n";
        if (traditional)
        {
            text = dumpVariant == TextDumpVariant.Big5 ? Damage.ToBig5Forms(ChineseScript.ToTraditional(text)) : ChineseScript.ToTraditional(text);
        }

        if (dumpVariant is TextDumpVariant.Standard or TextDumpVariant.DenseNotes)
        {
            // Big5 has no tone-marked letters to write a note with.
            text = Damage.PinyinNotes(text, random, oneIn: dumpVariant == TextDumpVariant.DenseNotes ? 4 : 40);
        }

        var chunkBytes = 8192 + random.Next(16384);
        text = Damage.FoldPunctuation(dumpVariant == TextDumpVariant.Big5
            ? Damage.OutOfStep(text, random, chunkBytes, Damage.Big5Strict, Damage.Big5)
            : Damage.OutOfStep(text, random, chunkBytes));
        var expected = article.Paragraphs
            .Select((p, i) => p.IsSubhead ? $"{i:D2} {p.Text}" : p.Text)
            .Select(p => Damage.FoldPunctuation(traditional ? ChineseScript.ToTraditional(p) : p))
            .Select(p => dumpVariant == TextDumpVariant.Big5 ? Damage.ToBig5Forms(p) : p)
            .ToList();
        return new GeneratedPage(PageKind.TextDump, ".txt", Encoding.UTF8.GetBytes(text), expected);
    }
}
