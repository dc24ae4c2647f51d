using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Output;
using NewsEtl.Output.Report;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>
/// The report of real runs (the sample page, and a fixture run of many pages) rendered by headless Chromium:
/// the DOM after the filter script ran, and screenshots under artifacts/report/. These fail when Chromium is missing.
/// Set NEWSETL_UPDATE_SCREENSHOT=1 to also copy the sample page's screenshot to docs/report-screenshot.png (README shows it).
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly ScratchFolder _folder = new("newsetl-report-browser-");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Browser_SamplePageReport_ShowsTheRunCountsAndOneDiffPerRepair()
    {
        Chromium.RequireInstalled();
        var output = await RunAsync(Path.Combine(RepoPaths.Root(), "input"));
        var run = RunJson(output);
        var report = await WriteReportAsync(output, new ReportOptions { MaxRepairsPerRecord = 1000 });

        var doc = Parse(await Chromium.DumpDomAsync(report));

        Assert.Equal(1, Count(doc, "records"));
        Assert.Equal(run.GetProperty("counts").GetProperty("repairs").GetInt32(), Count(doc, "repairs"));
        var rows = doc.QuerySelectorAll("tr.repair");
        Assert.Equal(Lines(output, OutputSet.RepairsJsonl), rows.Length);
        Assert.All(rows, row =>
        {
            Assert.Single(row.QuerySelectorAll("del"));
            Assert.Single(row.QuerySelectorAll("ins"));
        });
        foreach (var kind in run.GetProperty("repairs_by_kind").EnumerateObject())
        {
            Assert.Equal(kind.Value.GetInt32(), rows.Count(r => r.GetAttribute("data-kind") == kind.Name));
        }

        Assert.Equal("Kimi楊植麟該為“重投放”反思嗎?", doc.QuerySelector("section.record h3")!.TextContent);
        var shown = doc.QuerySelector("#f-count")!;
        Assert.Equal("1", shown.GetAttribute("data-records"));
        Assert.Equal(rows.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.GetAttribute("data-repairs"));

        await SaveScreenshotAsync(report, "sample-page.png", updateDocs: true);
    }

    [Fact]
    public async Task Browser_SamplePageReport_FilterByKindFromTheAddress_HidesOtherKinds()
    {
        Chromium.RequireInstalled();
        var output = await RunAsync(Path.Combine(RepoPaths.Root(), "input"));
        var report = await WriteReportAsync(output, new ReportOptions { MaxRepairsPerRecord = 1000 });
        var expected = RunJson(output).GetProperty("repairs_by_kind").GetProperty("gbk-out-of-step").GetInt32();

        var doc = Parse(await Chromium.DumpDomAsync(report, "#kind=gbk-out-of-step"));

        var visible = doc.QuerySelectorAll("tr.repair").Where(r => !r.HasAttribute("hidden")).ToList();
        Assert.Equal(expected, visible.Count);
        Assert.All(visible, r => Assert.Equal("gbk-out-of-step", r.GetAttribute("data-kind")));
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), doc.QuerySelector("#f-count")!.GetAttribute("data-repairs"));
    }

    [Fact]
    public async Task Browser_FixtureRunReport_ShowsEveryRecordCappedRepairsAndEscapedTitles()
    {
        Chromium.RequireInstalled();
        var input = Directory.CreateDirectory(_folder.PathOf("input")).FullName;
        FixtureInput.Write(input);
        var output = await RunAsync(input);
        var run = RunJson(output);
        var options = new ReportOptions();
        var report = await WriteReportAsync(output, options);

        var doc = Parse(await Chromium.DumpDomAsync(report));

        var counts = run.GetProperty("counts");
        Assert.Equal(counts.GetProperty("inputs").GetInt32(), Count(doc, "inputs"));
        Assert.Equal(counts.GetProperty("records").GetInt32(), Count(doc, "records"));
        Assert.Equal(counts.GetProperty("rejected").GetInt32(), Count(doc, "rejected"));
        Assert.Equal(counts.GetProperty("duplicates").GetInt32(), Count(doc, "duplicates"));
        Assert.True(Count(doc, "records") >= FixtureInput.SampleCopies + FixtureInput.StaffDays, "every copy of the sample and of the staff page is a record");

        var perRecord = RepairsPerRecord(output);
        var sections = doc.QuerySelectorAll("section.record");
        Assert.Equal(Lines(output, OutputSet.ArticlesJsonl), sections.Length);
        Assert.All(sections, s => Assert.Equal(Math.Min(perRecord.GetValueOrDefault(s.Id![2..]), options.MaxRepairsPerRecord), s.QuerySelectorAll("tr.repair").Length));
        var capped = perRecord.Count(r => r.Value > options.MaxRepairsPerRecord);
        Assert.Equal(capped, sections.Count(s => s.QuerySelector("p.more a[href='repairs.jsonl']") is not null));
        Assert.True(capped >= FixtureInput.SampleCopies, "each copy of the sample page has more repairs than the cap");
        Assert.Equal(counts.GetProperty("rejected").GetInt32(), doc.QuerySelectorAll("#table-rejected tbody tr").Length);
        Assert.True(doc.QuerySelectorAll("#chart-days g").Length >= FixtureInput.StaffDays, "one bar per publication day");

        Assert.Equal(options.Title, doc.Title);
        Assert.Single(doc.Scripts);
        Assert.Contains(sections, s => s.QuerySelector("h3")!.TextContent == FixtureInput.MarkupTitle);

        await SaveScreenshotAsync(report, "fixture-run.png", updateDocs: false);
    }

    private async Task<string> RunAsync(string input)
    {
        var output = Directory.CreateDirectory(_folder.PathOf("out-" + Path.GetFileName(input))).FullName;
        await new NewsEtlRunner(new RunOptions { Input = input, Output = output, Parallelism = 2 }).RunAsync(null, CancellationToken.None);
        return output;
    }

    private static async Task<string> WriteReportAsync(string output, ReportOptions options)
    {
        await new ReportWriter().WriteAsync(output, options, CancellationToken.None);
        return Path.Combine(output, ReportWriter.FileName);
    }

    private static async Task SaveScreenshotAsync(string report, string name, bool updateDocs)
    {
        var png = Path.Combine(RepoPaths.Root(), "artifacts", "report", name);
        await Chromium.ScreenshotAsync(report, png, 1280, 2000);
        AssertPng(await File.ReadAllBytesAsync(png));
        if (updateDocs && Environment.GetEnvironmentVariable("NEWSETL_UPDATE_SCREENSHOT") == "1")
        {
            // README's copy is shorter: summary, charts and the first repairs, under 300 KB.
            var docs = Path.Combine(RepoPaths.Root(), "docs", "report-screenshot.png");
            await Chromium.ScreenshotAsync(report, docs, 1280, 1600);
            var bytes = await File.ReadAllBytesAsync(docs);
            AssertPng(bytes);
            Assert.True(bytes.Length < 300 * 1024, $"docs/report-screenshot.png is {bytes.Length / 1024} KB; keep it under 300 KB");
        }
    }

    private static void AssertPng(byte[] bytes) => Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4]);

    private static JsonElement RunJson(string output) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputSet.RunJson))).RootElement.Clone();

    private static int Lines(string output, string name) =>
        File.ReadLines(Path.Combine(output, name)).Count(l => l.Length > 0);

    private static Dictionary<string, int> RepairsPerRecord(string output) =>
        File.ReadLines(Path.Combine(output, OutputSet.RepairsJsonl))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("record_id").GetString()!)
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static int Count(IHtmlDocument doc, string name) =>
        int.Parse(doc.QuerySelector($"#count-{name}")!.GetAttribute("data-count")!, System.Globalization.CultureInfo.InvariantCulture);

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
