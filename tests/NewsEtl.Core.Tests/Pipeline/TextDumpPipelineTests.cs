using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Model;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>Text dumps like the sample page, through extraction, repair and dedup: what damage and notes do to their structure.</summary>
public sealed class TextDumpPipelineTests
{
    private const string Body1 = "事實上,截至發稿時,該公司董事長暫停了部分門店的擴張計劃,融資成本比一年前低了兩個百分點。";
    private const string Body2 = "此外,中國人民銀行表示融資環境正在逐步改善,該公司董事長下調了全年的銷售目標。";
    private const string Body3 = "一季度末,該公司發布了三年發展規劃,資產負債率降至百分之二十五。";

    private static PageOutcome Process(string text) =>
        new ArticleProcessor(new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor()), new TextRepairer(), new InPageDeduplicator(new InPageDedupOptions()))
            .Process(new DecodedPage(
                new RawInput("dump.txt", Encoding.UTF8.GetBytes(text), null, null, "text/plain"),
                PageFormat.Text,
                text,
                new CharsetDecision("utf-8", "utf8-valid", 0)), 0);

    [Fact]
    public void ABylineWithAConvertersNote_IsReadAsTheByline_AndTheLedeBeforeItAsTheLede()
    {
        // The outlet's 費 carries a note in the first copy only; the second copy's byline has none.
        var copy1 = $"青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費(fèi)日報 趙婧 高曉明\n\n編輯 | 朱欣然\n\n{Body1}\n\n{Body2}\n\n{Body3}";
        var copy2 = $"青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費日報 趙婧 高曉明\n\n編輯 | 朱欣然\n\n{Body1}\n\n{Body2}\n\n{Body3}";
        var record = Process($"正在閱讀:\n\n青島精金醫藥重新談判\n\n掃一掃下載界面新聞APP\n\n{copy1}\n\n{copy2}\n").Record!;

        Assert.Equal("青島精金醫藥下調了全年的銷售目標。", record.Subtitle);
        Assert.Equal("新消費日報", record.Outlet);
        Assert.Equal([Body1, Body2, Body3], record.Paragraphs);
    }

    [Fact]
    public void ATemplateLineThatDamageHid_GoesOnceRepaired_AndTheRemovalIsRecorded()
    {
        // "下載界面新聞" decoded out of step after its first character: the extractor cannot know it, the repair reads it back.
        var line = Damage.ChunkSplit("下載界面新聞", 3, Damage.Gbk);
        Assert.NotEqual("下載界面新聞", line);
        var text = $"正在閱讀:\n\n青島精金醫藥重新談判\n\n青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費日報 趙婧\n\n{Body1}\n\n{Body2}\n\n評論\n\n{line}\n";

        var outcome = Process(text);

        Assert.Equal([Body1, Body2], outcome.Record!.Paragraphs);
        var removal = Assert.Single(outcome.Repairs, r => r.Kind == "template-line");
        Assert.Equal("dedup", removal.Stage);
        Assert.Equal("下載界面新聞", removal.Before);
    }

    [Fact]
    public void ABylineThatDamageHid_GoesOnceRepaired()
    {
        // The second copy's byline decoded out of step inside 消: the extractor sees no byline there.
        var byline = Damage.ChunkSplit("文 | 新消費日報 趙婧 高曉明", 10, Damage.Gbk);
        Assert.DoesNotContain("新消費日報", byline, StringComparison.Ordinal);
        var copy = $"青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n{{0}}\n\n{Body1}\n\n{Body2}\n\n{Body3}";
        var text = $"正在閱讀:\n\n青島精金醫藥重新談判\n\n{string.Format(copy, "文 | 新消費日報 趙婧 高曉明")}\n\n{string.Format(copy, byline)}\n";

        var outcome = Process(text);

        Assert.Equal([Body1, Body2, Body3], outcome.Record!.Paragraphs);
        Assert.Contains(outcome.Repairs, r => r.Kind == "template-line" && r.Before.StartsWith("文 | 新消費日報", StringComparison.Ordinal));
    }

    [Fact]
    public void AReprintNoticeThatDamageHid_GoesOnceRepaired_AndMarksTheRecordAReprint()
    {
        // The only reprint notice decoded out of step inside 載: the extractor sees no notice, the repair reads it back.
        var notice = Damage.ChunkSplit("本文爲轉載內容,授權事宜請聯系原著作權人。", 9, Damage.Gbk);
        Assert.False(Boilerplate.IsReprintNotice(notice));
        var text = $"正在閱讀:\n\n青島精金醫藥重新談判\n\n青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費日報 趙婧\n\n{Body1}\n\n{Body2}\n\n{notice}\n\n評論\n";

        var outcome = Process(text);

        Assert.Equal([Body1, Body2], outcome.Record!.Paragraphs);
        Assert.True(outcome.Record.IsReprint);
        Assert.Contains(outcome.Repairs, r => r.Kind == "template-line" && r.Before.StartsWith("本文爲轉載內容", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("?⒉?")] // 微博 split inside 微, which the repair reads back as some other word
    [InlineData("微??")] // 微博 with 博's bytes lost, which the repair reads back as "微。"
    public void ATemplateLineThatLostBytesGarbled_Goes(string damagedLine)
    {
        var text = $"正在閱讀:\n\n青島精金醫藥重新談判\n\n青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費日報 趙婧\n\n{Body1}\n\n{Body2}\n\n微信公衆號\n\n{damagedLine}\n";

        var outcome = Process(text);

        Assert.Equal([Body1, Body2], outcome.Record!.Paragraphs);
        Assert.Contains(outcome.Repairs, r => r.Kind == "template-line" && r.Paragraph == 2);
    }

    [Theory]
    [InlineData("編輯 | 高?V")] // a name garbled, which the repair leaves
    [InlineData("編??| 趙倩")] // 輯 and the space after it lost
    [InlineData("編輯\uFFFD| 趙倩")] // the space before the bar swallowed
    public void AnEditorLineThatDamageGarbled_GoesFromTheSecondCopy(string damagedLine)
    {
        var copy = $"青島精金醫藥重新談判\n\n青島精金醫藥下調了全年的銷售目標。\n\n文 | 新消費日報 趙婧\n\n{{0}}\n\n{Body1}\n\n{Body2}\n\n{Body3}";
        var text = $"正在閱讀:\n\n青島精金醫藥重新談判\n\n{string.Format(copy, "編輯 | 趙倩")}\n\n{string.Format(copy, damagedLine)}\n";

        var outcome = Process(text);

        Assert.Equal([Body1, Body2, Body3], outcome.Record!.Paragraphs);
        Assert.Equal("趙倩", outcome.Record.Editor);
    }
}

