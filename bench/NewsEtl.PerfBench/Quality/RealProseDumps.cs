using System.Text;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.PerfBench.Corpus;
using NewsEtl.Pipeline;
using NewsEtl.Text;

namespace NewsEtl.PerfBench.Quality;

/// <summary>
/// Text dumps made from real articles rather than the generator's phrase lists: the eight 2019 article pages and the
/// sample page's own article (its cleaned record), each damaged many times over at random cut points, as the sample
/// page was (traditional script with notes as thick as the sample's, or simplified script; GBK decoded in chunks;
/// punctuation folded). The record's body is compared with the article, as <see cref="TextDumpQuality"/> does.
/// </summary>
internal static class RealProseDumps
{
    private static readonly string[] Template = ["评论", "暂无评论哦,快来评价一下吧!", "下载界面新闻", "微信公众号", "微博"];

    public static string Run(int dumps, int seed, string templates, string samplePage)
    {
        Encodings.EnsureRegistered();
        var processor = TextDumpQuality.Processor();
        var articles = Directory.GetFiles(templates, "article-*.html").Order(StringComparer.Ordinal)
            .Append(samplePage)
            .Select(path => processor.Process(PageDecoder.Decode(new RawInput(
                Path.GetFileName(path), File.ReadAllBytes(path), null, null, path.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/html")), 0).Record)
            .OfType<ArticleRecord>()
            .ToList();
        var random = new Random(seed);
        var rows = new List<string>();
        var failures = new List<string>();
        foreach (var traditional in new[] { true, false })
        {
            int exact = 0, paragraphs = 0, exactParagraphs = 0;
            long chars = 0, wrong = 0;
            for (var d = 0; d < dumps; d++)
            {
                var article = articles[d % articles.Count];
                var (text, expected) = Dump(article, traditional, random);
                var outcome = processor.Process(PageDecoder.Decode(new RawInput($"real-{d}.txt", Encoding.UTF8.GetBytes(text), null, null, "text/plain")), 0);
                var actual = outcome.Record?.Paragraphs ?? [];
                var (exactHere, wrongHere) = TextDumpQuality.Compare(expected, actual);
                exact += wrongHere == 0 && expected.Count == actual.Count ? 1 : 0;
                paragraphs += expected.Count;
                exactParagraphs += exactHere;
                chars += expected.Sum(p => p.Length);
                wrong += wrongHere;
                if (wrongHere > 0 && Environment.GetEnvironmentVariable("NEWSETL_QUALITY_KEEP") is { Length: > 0 } keep)
                {
                    Directory.CreateDirectory(keep);
                    File.WriteAllText(Path.Combine(keep, $"real-{(traditional ? "t" : "s")}{d:D4}.txt"), text);
                }

                if (wrongHere > 0)
                {
                    failures.Add($"{(traditional ? "traditional" : "simplified")} dump {d} ({article.Source}): " + Difference(expected, actual));
                }
            }

            rows.Add($"| {(traditional ? "traditional, notes as thick as the sample's" : "simplified")} | {dumps} | {exact} ({100.0 * exact / dumps:F1}%) | {exactParagraphs} of {paragraphs} | {100.0 * (1 - ((double)wrong / chars)):F4}% ({wrong} of {chars} characters) |");
        }

        var sb = new StringBuilder();
        sb.AppendLine($"Articles: {articles.Count} ({string.Join(", ", articles.Select(a => a.Source))})");
        sb.AppendLine();
        sb.AppendLine("| dumps | made | bodies exact | paragraphs exact | character accuracy |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        rows.ForEach(r => sb.AppendLine(r));
        sb.AppendLine();
        foreach (var failure in failures)
        {
            sb.AppendLine("- " + failure);
        }

        return sb.ToString();
    }

    /// <summary>Where the body differs: each paragraph the record has and the article lacks, around its first difference from the nearest one.</summary>
    private static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var parts = new List<string>();
        foreach (var extra in actual.Where(a => !expected.Contains(a)))
        {
            var twin = expected.Where(e => !actual.Contains(e)).OrderBy(e => Math.Abs(e.Length - extra.Length)).FirstOrDefault();
            if (twin is null)
            {
                parts.Add($"extra [{Clip(extra, 0, 40)}]");
                continue;
            }

            var at = extra.AsSpan().CommonPrefixLength(twin);
            parts.Add($"[{Clip(extra, at - 12, 28)}] for [{Clip(twin, at - 12, 28)}]");
        }

        return string.Join(" ", parts);
    }

    private static string Clip(string text, int start, int length)
    {
        start = Math.Clamp(start, 0, text.Length);
        return text.Substring(start, Math.Min(length, text.Length - start));
    }

    /// <summary>The article as a dump like the sample page: a header, two copies with the template between, then damage.</summary>
    private static (string Text, IReadOnlyList<string> Expected) Dump(ArticleRecord article, bool traditional, Random random)
    {
        var lines = new List<string> { "正在阅读:", article.Title, "扫一扫下载界面新闻APP" };
        for (var copy = 0; copy < 2; copy++)
        {
            lines.Add(article.Title);
            if (article.Subtitle.Length > 0)
            {
                lines.Add(article.Subtitle);
            }

            lines.Add($"文 | {(article.Outlet.Length > 0 ? article.Outlet + " " : string.Empty)}{(article.Author.Length > 0 ? article.Author : "界面新闻")}");
            lines.AddRange(article.Paragraphs);
            if (copy == 0)
            {
                lines.AddRange(Template);
            }
        }

        var text = string.Join("\n\n", lines) + "\n";
        IEnumerable<string> expected = article.Paragraphs;
        if (traditional)
        {
            text = Damage.PinyinNotes(ChineseScript.ToTraditional(text), random, oneIn: 4);
            expected = expected.Select(ChineseScript.ToTraditional);
        }

        text = Damage.FoldPunctuation(Damage.OutOfStep(text, random, chunkBytes: 2048 + random.Next(8192)));
        return (text, [.. expected.Select(Damage.FoldPunctuation)]);
    }
}
