using System.Globalization;

namespace NewsEtl.Output.Report;

/// <summary>Writes report.html: header, summary cards, charts, tables, rejected inputs, then the records (<see cref="RecordSections"/>).</summary>
internal static class ReportHtml
{
    private static readonly string[] StageOrder = ["load", "extract", "repair", "dedup", "write", "total"];

    public static void Write(TextWriter w, ReportModel model)
    {
        w.Write("<!DOCTYPE html>\n<html lang=\"zh\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        // No request leaves the page: everything is inline, and the policy says so to the browser.
        w.Write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n<title>");
        Html.Write(w, model.Options.Title);
        w.Write("</title>\n<style>\n");
        w.Write(ReportAssets.Style);
        w.Write("\n</style>\n</head>\n<body>\n<header>\n<h1>");
        Html.Write(w, model.Options.Title);
        w.Write("</h1>\n<p class=\"sub\">");
        if (model.Run is { Tool: { } tool })
        {
            Html.Write(w, $"{tool} {model.Run.Version} · ");
        }

        Labels.Write(w, "文件", "Files");
        w.Write(": ");
        w.Write(string.Join(" · ", new[] { OutputSet.ArticlesJsonl, OutputSet.RepairsJsonl, OutputSet.RejectedCsv, OutputSet.RunJson, OutputSet.ArticlesCsv }
            .Select(f => $"<a href=\"{f}\">{f}</a>")));
        w.Write("</p>\n</header>\n");
        WriteWarnings(w, model.Warnings);
        WriteCards(w, model);
        WriteCharts(w, model);
        WriteTables(w, model);
        WriteRejections(w, model.Rejections);
        RecordSections.Write(w, model);
        w.Write("</body>\n</html>\n");
    }

    private static void WriteWarnings(TextWriter w, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        w.Write("<ul class=\"warnings\" id=\"warnings\">\n");
        foreach (var warning in warnings)
        {
            w.Write("<li>");
            Html.Write(w, warning);
            w.Write("</li>\n");
        }

        w.Write("</ul>\n");
    }

    private static void WriteCards(TextWriter w, ReportModel m)
    {
        w.Write("<h2 id=\"summary\">");
        Labels.Write(w, "概览", "Summary");
        w.Write("</h2>\n<div class=\"cards\">\n");
        Card(w, "inputs", m.Inputs, "输入", "Inputs");
        Card(w, "records", m.Records, "记录", "Records");
        Card(w, "rejected", m.Rejected, "拒绝", "Rejected");
        Card(w, "failed", m.Failed, "失败", "Failed", attention: m.Failed > 0);
        Card(w, "duplicates", m.Duplicates, "重复", "Duplicates");
        if (m.Run?.Counts is { DuplicatesDropped: > 0 } counts)
        {
            Card(w, "duplicates-dropped", counts.DuplicatesDropped, "已丢弃重复", "Duplicates dropped");
        }

        Card(w, "repairs", m.RepairCount, "修复", "Repairs");
        Card(w, "low-confidence", m.Repairs.Low, "低置信度修复", "Low-confidence repairs", attention: m.Repairs.Low > 0);
        Card(w, "need-review", m.NeedReview, "待复核记录", "Records to review", attention: m.NeedReview > 0);
        if (m.Run?.ThisRun is { SkippedAssets: > 0 } assets)
        {
            Card(w, "skipped-assets", assets.SkippedAssets, "跳过的资源", "Skipped assets");
        }

        w.Write("</div>\n");
    }

    private static void Card(TextWriter w, string name, int value, string zh, string en, bool attention = false)
    {
        w.Write($"<div class=\"card{(attention ? " attn" : string.Empty)}\" id=\"count-{name}\" data-count=\"{N(value)}\"><div class=\"n\">{N(value)}</div><div class=\"l\">");
        Labels.Write(w, zh, en);
        w.Write("</div></div>\n");
    }

    private static void WriteCharts(TextWriter w, ReportModel m)
    {
        w.Write("<h2 id=\"charts\">");
        Labels.Write(w, "图表", "Charts");
        w.Write("</h2>\n<div class=\"charts\">\n");
        var (days, byMonth, undated) = ChartData.PerDay(m.Articles.Records);
        Figure(w, "chart-days", byMonth ? "每月发布的记录" : "每日发布的记录", byMonth ? "Records per publication month" : "Records per publication day", () =>
        {
            SvgChart.Columns(w, "chart-days", days);
            if (undated > 0)
            {
                w.Write("<p class=\"more\">");
                Labels.Write(w, $"另有 {N(undated)} 条记录无发布日期", $"{N(undated)} records have no publication date");
                w.Write("</p>\n");
            }
        });
        Figure(w, "chart-kinds", "各类修复数量", "Repairs per kind", () => SvgChart.Bars(w, "chart-kinds", ChartData.PerKind(m.Repairs.ByKind)));
        Figure(w, "chart-per-record", "按修复数统计的记录", "Records by number of repairs", () => SvgChart.Bars(w, "chart-per-record", ChartData.RepairsPerRecord(m.Articles.Records)));
        w.Write("</div>\n");
    }

    private static void Figure(TextWriter w, string id, string zh, string en, Action body)
    {
        w.Write($"<figure><figcaption id=\"{id}-caption\">");
        Labels.Write(w, zh, en);
        w.Write("</figcaption>\n");
        body();
        w.Write("</figure>\n");
    }

    private static void WriteTables(TextWriter w, ReportModel m)
    {
        w.Write("<h2 id=\"details\">");
        Labels.Write(w, "明细", "Details");
        w.Write("</h2>\n<div class=\"tables\">\n");
        Table(w, "table-rejects", ("拒绝原因", "Reject reason"), m.RejectsByReason.Select(r => (r.Key, (long)r.Value, (string?)null)));
        Table(w, "table-kinds", ("修复类型", "Repair kind"), m.RepairsByKind.Select(r => (r.Key, (long)r.Value, (string?)("#kind=" + Uri.EscapeDataString(r.Key)))));
        Table(w, "table-flags", ("标记", "Flag"), m.Flags.Select(r => (r.Key, (long)r.Value, (string?)("#flag=" + Uri.EscapeDataString(r.Key)))));
        if (m.Run?.TimingsMs is { } timings)
        {
            var stages = StageOrder.Where(timings.ContainsKey).Concat(timings.Keys.Where(k => !StageOrder.Contains(k)));
            Table(w, "table-timings", ("阶段耗时", "Time per stage"), stages.Select(s => (s, timings[s], (string?)null)), ("毫秒", "ms"));
        }

        if (m.Run?.Extractors is { Count: > 0 } extractors)
        {
            Table(w, "table-extractors", ("抽取器", "Extractor"), extractors.Select(r => (r.Key, (long)r.Value, (string?)null)));
        }

        if (m.Run?.Charsets is { Count: > 0 } charsets)
        {
            Table(w, "table-charsets", ("字符集", "Charset"), charsets.Select(r => (r.Key, (long)r.Value, (string?)null)));
        }

        w.Write("</div>\n");
    }

    private static void Table(TextWriter w, string id, (string Zh, string En) head, IEnumerable<(string Key, long Value, string? Link)> rows, (string Zh, string En)? unit = null)
    {
        w.Write($"<table id=\"{id}\"><thead><tr><th>");
        Labels.Write(w, head.Zh, head.En);
        w.Write("</th><th class=\"num\">");
        Labels.Write(w, unit?.Zh ?? "数量", unit?.En ?? "Count");
        w.Write("</th></tr></thead><tbody>\n");
        var any = false;
        foreach (var (key, value, link) in rows)
        {
            any = true;
            w.Write("<tr><td>");
            if (link is not null)
            {
                w.Write("<a href=\"");
                Html.Write(w, link);
                w.Write("\">");
                Labels.WriteTerm(w, key);
                w.Write("</a>");
            }
            else
            {
                Labels.WriteTerm(w, key);
            }

            w.Write($"</td><td class=\"num\">{value.ToString(CultureInfo.InvariantCulture)}</td></tr>\n");
        }

        if (!any)
        {
            w.Write("<tr><td colspan=\"2\" class=\"empty\">");
            Labels.Write(w, "无", "None");
            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table>\n");
    }

    private static void WriteRejections(TextWriter w, RejectionScan rejections)
    {
        if (rejections.Total == 0)
        {
            return;
        }

        w.Write("<h2 id=\"rejected\">");
        Labels.Write(w, $"被拒绝的输入（{N(rejections.Total)}）", $"Rejected inputs ({N(rejections.Total)})");
        w.Write("</h2>\n<table id=\"table-rejected\"><thead><tr><th>");
        Labels.Write(w, "来源", "Source");
        w.Write("</th><th>");
        Labels.Write(w, "阶段", "Stage");
        w.Write("</th><th>");
        Labels.Write(w, "原因", "Reason");
        w.Write("</th></tr></thead><tbody>\n");
        foreach (var r in rejections.Kept)
        {
            w.Write(r.IsFailure ? "<tr class=\"failure\"><td>" : "<tr><td>");
            Html.Write(w, r.Source);
            w.Write("</td><td>");
            Html.Write(w, r.Stage);
            w.Write("</td><td>");
            Html.Write(w, r.IsFailure ? "✗ " + r.Reason : r.Reason);
            w.Write("</td></tr>\n");
        }

        w.Write("</tbody></table>\n");
        More(w, rejections.Omitted, OutputSet.RejectedCsv, "个被拒绝的输入", "rejected inputs", "more-rejected");
    }

    /// <summary>"N more in FILE", linked to the file beside the report.</summary>
    public static void More(TextWriter w, int omitted, string file, string zhNoun, string enNoun, string? id = null)
    {
        if (omitted <= 0)
        {
            return;
        }

        w.Write(id is null ? "<p class=\"more\">" : $"<p class=\"more\" id=\"{id}\">");
        w.Write($"另有 {N(omitted)} {zhNoun}见 <a href=\"{file}\">{file}</a> · <span class=\"en\">{N(omitted)} more {enNoun} in <a href=\"{file}\">{file}</a></span></p>\n");
    }

    public static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
