using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Output.Report;
using static NewsEtl.Core.Tests.Output.Report.SyntheticRun;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>report.html from small output folders made up by the tests: counts, escaping, caps, order, determinism.</summary>
public sealed class ReportWriterTests : IDisposable
{
    private readonly ScratchFolder _folder = new("newsetl-report-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Write_SmallRun_ShowsTheCountsOfRunJson()
    {
        var run = new SyntheticRun()
            .Add(Record("a1"), Change("a1"), Change("a1", "gbk-out-of-step", "??", "“", 0.9))
            .Add(Record("b2"))
            .Reject("list.html", "not an article: channel list page")
            .Reject("broken.warc", "corrupt archive", failure: true);

        var doc = await WriteAndParseAsync(run);

        Assert.Equal("4", Count(doc, "inputs"));
        Assert.Equal("2", Count(doc, "records"));
        Assert.Equal("2", Count(doc, "rejected"));
        Assert.Equal("1", Count(doc, "failed"));
        Assert.Equal("2", Count(doc, "repairs"));
        Assert.Contains("extract: not an article: channel list page", doc.QuerySelector("#table-rejects")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("gbk-out-of-step", doc.QuerySelector("#table-kinds")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, doc.QuerySelectorAll("#table-timings tbody tr").Length);
        Assert.Equal(2, doc.QuerySelectorAll("#table-rejected tbody tr").Length);
    }

    [Fact]
    public async Task Write_WithoutRunJson_CountsFromTheFilesAndSaysSo()
    {
        var run = new SyntheticRun().Add(Record("a1"), Change("a1"), Change("a1")).Reject("x.html", "empty file");

        var doc = await WriteAndParseAsync(run, withRunJson: false);

        Assert.Equal("2", Count(doc, "inputs"));
        Assert.Equal("1", Count(doc, "records"));
        Assert.Equal("2", Count(doc, "repairs"));
        Assert.Contains("run.json is missing", doc.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_MarkupInData_IsEscapedEverywhere()
    {
        const string evil = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        var run = new SyntheticRun()
            .Add(
                Record("e1", title: evil, flags: "a\"b<c>", source: "\"><img src=y>.html") with { Url = "javascript:alert(1)" },
                Change("e1", kind: "k\"><script>", before: "</td></tr><script>alert(2)</script>", after: "&amp; <b>"))
            .Reject("<iframe src=z>", "<b>bad</b>");

        var html = await WriteAsync(run, new ReportOptions { Title = "<title>T</title>" });
        var doc = new HtmlParser().ParseDocument(html);

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.Single(doc.Scripts);
        Assert.Empty(doc.QuerySelectorAll("img, iframe, b, a[href^='javascript']"));
        Assert.Equal("<title>T</title>", doc.Title);
        Assert.Equal(evil, doc.QuerySelector("section.record h3")!.TextContent);
        var repair = doc.QuerySelector("tr.repair")!;
        Assert.Equal("k\"><script>", repair.GetAttribute("data-kind"));
        Assert.Equal("</td></tr><script>alert(2)</script", repair.QuerySelector("del")!.TextContent);
        Assert.Equal("&amp; <b", repair.QuerySelector("ins")!.TextContent);
        Assert.EndsWith(">", repair.QuerySelector("td.d")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("|a\"b<c>|", doc.QuerySelector("section.record")!.GetAttribute("data-flags"));
    }

    [Fact]
    public async Task Write_PageIsSelfContained_NothingLoadsFromOutside()
    {
        var run = new SyntheticRun().Add(Record("a1") with { Url = "https://www.jiemian.com/article/1.html" }, Change("a1"));

        var doc = await WriteAndParseAsync(run);

        Assert.Empty(doc.QuerySelectorAll("link, img, iframe, object, embed, script[src], [style*='url(']"));
        Assert.DoesNotContain("@import", doc.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", doc.QuerySelector("style")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noreferrer", doc.QuerySelector("a[href^='https://www.jiemian.com']")!.GetAttribute("rel"));
        Assert.Contains("default-src 'none'", doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_EachRepair_IsOneDiffWithItsKindAndConfidence()
    {
        var run = new SyntheticRun().Add(
            Record("a1"),
            Change("a1", "gbk-out-of-step", "說??", "說。”", 0.925),
            Change("a1", "pinyin-note", "(yīng)", ""),
            Change("a1", "html-remnant", "</p>", "", 0.3));

        var doc = await WriteAndParseAsync(run);

        var rows = doc.QuerySelectorAll("tr.repair");
        Assert.Equal(3, rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Single(row.QuerySelectorAll("del"));
            Assert.Single(row.QuerySelectorAll("ins"));
        });
        Assert.Equal(["gbk-out-of-step", "pinyin-note", "html-remnant"], rows.Select(r => r.GetAttribute("data-kind")));
        Assert.Equal("說??。”", rows[0].QuerySelector("td.d")!.TextContent);
        Assert.Equal("??", rows[0].QuerySelector("del")!.TextContent);
        Assert.Equal("。”", rows[0].QuerySelector("ins")!.TextContent);
        Assert.Equal("0.925", rows[0].QuerySelector("td.c")!.TextContent);
        Assert.Contains("low", rows[2].ClassList);
        Assert.Equal("|gbk-out-of-step|html-remnant|pinyin-note|", doc.QuerySelector("section.record")!.GetAttribute("data-kinds"));
    }

    [Fact]
    public async Task Write_RepairsThatFitTheFinalText_AreShownInTheirSurroundingText()
    {
        // Paragraph 1 repeated the title and was removed by dedup, so extracted paragraph 2 is final paragraph 1.
        // The repairs of paragraph 2 ran in this order: the GBK fix at 3, then the pinyin note at 1 (a later pass).
        var record = Record("a1", title: "標題") with { Paragraphs = ["第一段。", "他說：“好。”協作"] };
        var run = new SyntheticRun().Add(
            record,
            Change("a1", "pinyin-note", "(biāo)", "", field: "title", offset: 1),
            Change("a1", "gbk-out-of-step", "??", "“", 0.9, paragraph: 2, offset: 9),
            Change("a1", "pinyin-note", "(shuō)", "", paragraph: 2, offset: 1),
            Removal("a1", "duplicate-title", 1, "標題"),
            Change("a1", "html-remnant", "</p>", "", paragraph: 7, offset: 0));

        var doc = await WriteAndParseAsync(run);

        var diffs = doc.QuerySelectorAll("tr.repair td.d").Select(d => d.TextContent).ToList();
        Assert.Equal("標(biāo)題", diffs[0]);
        Assert.Equal("他(shuō)說：??“好。”協作", diffs[1]);
        Assert.Equal("他(shuō)說：“好。”協作", diffs[2]);
        Assert.Equal("標題", diffs[3]);
        Assert.Equal("</p>", diffs[4]);
    }

    [Fact]
    public async Task Write_RepairThatDoesNotFitTheFinalText_IsShownWithoutContext()
    {
        var record = Record("a1") with { Paragraphs = ["他說：“好。”"] };
        var run = new SyntheticRun().Add(record, Change("a1", "gbk-out-of-step", "??", "”", 0.9, offset: 1));

        var doc = await WriteAndParseAsync(run);

        Assert.Equal("??”", doc.QuerySelector("tr.repair td.d")!.TextContent);
    }

    [Fact]
    public async Task Write_MoreRecordsThanTheCap_ShowsTheCapAndLinksTheJsonl()
    {
        var run = new SyntheticRun();
        for (var i = 0; i < 5; i++)
        {
            run.Add(Record(Id(i)));
        }

        var doc = await WriteAndParseAsync(run, new ReportOptions { MaxRecords = 2 });

        Assert.Equal(2, doc.QuerySelectorAll("section.record").Length);
        var more = doc.QuerySelector("#more-records")!;
        Assert.Contains("3 more records", more.TextContent, StringComparison.Ordinal);
        Assert.All(more.QuerySelectorAll("a"), a => Assert.Equal("articles.jsonl", a.GetAttribute("href")));
    }

    [Fact]
    public async Task Write_MoreRepairsThanTheCap_ShowsTheCapAndLinksTheJsonl()
    {
        var repairs = Enumerable.Range(0, 10).Select(i => Change("a1", paragraph: i)).ToArray();
        var run = new SyntheticRun().Add(Record("a1"), repairs);

        var doc = await WriteAndParseAsync(run, new ReportOptions { MaxRepairsPerRecord = 3 });

        var section = doc.QuerySelector("section.record")!;
        Assert.Equal(3, section.QuerySelectorAll("tr.repair").Length);
        var more = section.QuerySelector("p.more")!;
        Assert.Contains("7 more repairs", more.TextContent, StringComparison.Ordinal);
        Assert.Equal("repairs.jsonl", more.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Write_RepairCapReached_StillShowsTheLowConfidenceRepairs()
    {
        var run = new SyntheticRun().Add(
            Record("a1", flags: "low-confidence-repair"),
            Change("a1", paragraph: 0),
            Change("a1", paragraph: 1),
            Change("a1", paragraph: 2),
            Change("a1", "gbk-out-of-step", "??", "”", 0.31, paragraph: 3),
            Change("a1", paragraph: 4));

        var doc = await WriteAndParseAsync(run, new ReportOptions { MaxRepairsPerRecord = 2 });

        var rows = doc.QuerySelectorAll("tr.repair");
        Assert.Equal(["pinyin-note", "gbk-out-of-step"], rows.Select(r => r.GetAttribute("data-kind")));
        Assert.Contains("3 more repairs", doc.QuerySelector("section.record p.more")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_Records_FlaggedForReviewFirstThenRepairedThenClean_EachBySource()
    {
        var run = new SyntheticRun()
            .Add(Record("c1", source: "a-clean.html"))
            .Add(Record("r1", source: "b-repaired.html"), Change("r1"))
            .Add(Record("u1", source: "z-unrepaired.html", flags: "unrepaired-span"))
            .Add(Record("t1", source: "c-truncated.html", flags: "truncated"))
            .Add(Record("l1", source: "m-low.html", flags: "low-confidence-repair"), Change("l1", confidence: 0.2));

        var doc = await WriteAndParseAsync(run);

        var order = doc.QuerySelectorAll("section.record").Select(s => s.Id).ToList();
        Assert.Equal(["r-l1", "r-u1", "r-r1", "r-t1", "r-c1"], order);
        Assert.Equal(2, doc.QuerySelectorAll("section.record.r0").Length);
        Assert.Equal("2", Count(doc, "need-review"));
    }

    [Fact]
    public async Task Write_SameFolderTwiceOrCopied_GivesIdenticalBytes()
    {
        var run = new SyntheticRun()
            .Add(Record("a1", publishedAt: "2021-08-12T12:45:00+08:00"), Change("a1"), Change("a1", "html-remnant", "</p>", ""))
            .Add(Record("b2", flags: "truncated", publishedAt: "2021-08-13T09:00:00+08:00"))
            .Reject("x.html", "empty file");
        var other = Directory.CreateDirectory(_folder.PathOf("copy")).FullName;
        await run.WriteAsync(_folder.Root);
        await run.WriteAsync(other);
        var writer = new ReportWriter();

        await writer.WriteAsync(_folder.Root, new ReportOptions(), CancellationToken.None);
        var first = await File.ReadAllBytesAsync(_folder.PathOf(ReportWriter.FileName));
        await writer.WriteAsync(_folder.Root, new ReportOptions(), CancellationToken.None);
        var second = await File.ReadAllBytesAsync(_folder.PathOf(ReportWriter.FileName));
        await writer.WriteAsync(other, new ReportOptions(), CancellationToken.None);
        var copied = await File.ReadAllBytesAsync(Path.Combine(other, ReportWriter.FileName));

        Assert.Equal(first, second);
        Assert.Equal(first, copied);
        Assert.DoesNotContain(Directory.GetFiles(_folder.Root), f => Path.GetFileName(f).StartsWith(".report.html.tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_PublicationDays_AreChartedOneBarPerDayWithUndatedCountedApart()
    {
        var run = new SyntheticRun()
            .Add(Record("a1", publishedAt: "2021-08-12T12:45:00+08:00"))
            .Add(Record("a2", publishedAt: "2021-08-12T20:00:00+08:00"))
            .Add(Record("a3", publishedAt: "2021-08-14T08:00:00+08:00"))
            .Add(Record("a4"));

        var doc = await WriteAndParseAsync(run);

        var bars = doc.QuerySelectorAll("#chart-days g title").Select(t => t.TextContent).ToList();
        Assert.Equal(["2021-08-12: 2", "2021-08-14: 1"], bars);
        Assert.Contains("1 records have no publication date", doc.QuerySelector("#charts + .charts")!.TextContent, StringComparison.Ordinal);
        var histogram = doc.QuerySelectorAll("#chart-per-record g title").Select(t => t.TextContent).ToList();
        Assert.Equal(["0: 4"], histogram);
    }

    [Fact]
    public async Task Write_MissingArticles_ThrowsNamingTheFile()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => new ReportWriter().WriteAsync(_folder.Root, new ReportOptions(), CancellationToken.None));

        Assert.Contains("articles.jsonl", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_folder.PathOf(ReportWriter.FileName)));
    }

    [Fact]
    public async Task Write_MalformedLines_AreSkippedAndReported()
    {
        await new SyntheticRun().Add(Record("a1"), Change("a1")).WriteAsync(_folder.Root);
        await File.AppendAllTextAsync(_folder.PathOf("articles.jsonl"), "{not json\n");

        await new ReportWriter().WriteAsync(_folder.Root, new ReportOptions(), CancellationToken.None);
        var doc = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(_folder.PathOf(ReportWriter.FileName)));

        Assert.Single(doc.QuerySelectorAll("section.record"));
        Assert.Contains("1 lines are not JSON records", doc.QuerySelector("#warnings")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 100, 10, "MaxRecords")]
    [InlineData(200, -1, 10, "MaxRepairsPerRecord")]
    [InlineData(200, 100, -1, "MaxRepairs")]
    public async Task Write_NegativeCap_IsRejectedNamingTheOption(int maxRecords, int maxRepairsPerRecord, int maxRepairs, string option)
    {
        var options = new ReportOptions { MaxRecords = maxRecords, MaxRepairsPerRecord = maxRepairsPerRecord, MaxRepairs = maxRepairs };

        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => new ReportWriter().WriteAsync(_folder.Root, options, CancellationToken.None));

        Assert.Equal(option, ex.ParamName);
    }

    [Fact]
    public async Task Write_PageRepairBudget_IsSpentInReportOrderLowConfidenceFirst()
    {
        var run = new SyntheticRun()
            .Add(Record("a1", source: "a.html"), Enumerable.Range(0, 5).Select(i => Change("a1", paragraph: i)).ToArray())
            .Add(Record("b2", source: "b.html"), [.. Enumerable.Range(0, 4).Select(i => Change("b2", paragraph: i)), Change("b2", "gbk-out-of-step", "??", "”", 0.4, paragraph: 9)])
            .Add(Record("c3", source: "c.html"), Enumerable.Range(0, 5).Select(i => Change("c3", paragraph: i)).ToArray());

        var doc = await WriteAndParseAsync(run, new ReportOptions { MaxRepairs = 7 });

        var sections = doc.QuerySelectorAll("section.record");
        Assert.Equal([5, 2, 0], sections.Select(s => s.QuerySelectorAll("tr.repair").Length));
        Assert.Equal("gbk-out-of-step", sections[1].QuerySelectorAll("tr.repair")[1].GetAttribute("data-kind"));
        Assert.Contains("3 more repairs", sections[1].QuerySelector("p.more")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("5 more repairs", sections[2].QuerySelector("p.more")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_LargeRun_StaysUnderFiveMegabytes()
    {
        var run = new SyntheticRun();
        for (var i = 0; i < 600; i++)
        {
            var id = Id(i);
            var record = Record(id, title: $"第{i}篇：县城充电桩生意", publishedAt: $"2021-{1 + (i % 12):00}-{1 + (i % 28):00}T08:00:00+08:00")
                with { Paragraphs = Enumerable.Repeat("曾經風頭無兩的產品，仿佛在頃刻間被用戶遺忘。根據AI產品榜單數據，截止1月31日", 150).ToList() };
            run.Add(record, Enumerable.Range(0, 150).Select(p => Change(id, p % 7 == 0 ? "note-inside-character" : "pinyin-note", "(liǎng)", "", paragraph: p, offset: 6)).ToArray());
        }

        var html = await WriteAsync(run, new ReportOptions());
        var doc = new HtmlParser().ParseDocument(html);

        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(html), 1, 4 * 1024 * 1024);
        Assert.All(doc.QuerySelectorAll("tr.repair td.d"), d => Assert.StartsWith("曾經風頭無兩(liǎng)的產品，仿佛", d.TextContent, StringComparison.Ordinal));
        Assert.Equal(200, doc.QuerySelectorAll("section.record").Length);
        Assert.Equal(new ReportOptions().MaxRepairs, doc.QuerySelectorAll("tr.repair").Length);
        Assert.Equal(100, doc.QuerySelectorAll("section.record").Count(s => s.QuerySelectorAll("tr.repair").Length == 100));
        Assert.Contains("400 more records", doc.QuerySelector("#more-records")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Records per publication month", doc.QuerySelector("#chart-days-caption")!.TextContent, StringComparison.Ordinal);
    }

    private static string? Count(IHtmlDocument doc, string name) => doc.QuerySelector($"#count-{name}")?.GetAttribute("data-count");

    private async Task<string> WriteAsync(SyntheticRun run, ReportOptions? options = null, bool withRunJson = true)
    {
        await run.WriteAsync(_folder.Root, withRunJson);
        await new ReportWriter().WriteAsync(_folder.Root, options ?? new ReportOptions(), CancellationToken.None);
        return await File.ReadAllTextAsync(_folder.PathOf(ReportWriter.FileName));
    }

    private async Task<IHtmlDocument> WriteAndParseAsync(SyntheticRun run, ReportOptions? options = null, bool withRunJson = true) =>
        new HtmlParser().ParseDocument(await WriteAsync(run, options, withRunJson));
}
