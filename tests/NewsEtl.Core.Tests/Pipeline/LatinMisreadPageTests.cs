using System.Text;
using System.Text.RegularExpressions;
using NewsEtl.Core.Tests.Extraction;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>A real page whose paragraphs were GBK read as Latin-1 ("ÖÐ¹ú"), through extraction and repair.</summary>
public sealed partial class LatinMisreadPageTests
{
    [Fact]
    public void Process_PageOfGbkReadAsLatin1_ComesBackAsTheArticleWithEveryByteKept()
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var html = File.ReadAllText(Path.Combine(folder, "article-3101780.html"), Encoding.UTF8);
        // Each paragraph's text (up to its first tag or entity) written in GBK and read as Latin-1. 经 is GBK BE AD, so a
        // soft hyphen stands inside "经贸": the extractor must keep it for the bytes to read back.
        var garbled = ParagraphText().Replace(html, m => Damage.Misread(m.Value, Damage.Gbk, Encoding.Latin1));
        Assert.Contains("¾\u00ADÃ³", garbled, StringComparison.Ordinal);
        var processor = new ArticleProcessor(
            new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor()), new TextRepairer(), new InPageDeduplicator(new InPageDedupOptions()));

        var record = processor.Process(HtmlTestPages.FromHtml(garbled, source: "article-3101780.html"), 0).Record!;

        Assert.Contains("至于下一轮经贸磋商，耿爽说：", record.Body, StringComparison.Ordinal);
        Assert.Contains("中国人民银行5月6日在网站发布公告称，决定从5月15日开始，对聚焦当地、服务县域的中小银行，实行较低的优惠存款准备金率。", record.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Ö", record.Body, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?<=<p>)[^<&]+")]
    private static partial Regex ParagraphText();
}
