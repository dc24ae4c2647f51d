using System.Globalization;
using NewsEtl.Model;

namespace NewsEtl.Output.Report;

/// <summary>The per-record part of the page: the filters, then one section per shown record with each repair as a diff.</summary>
internal static class RecordSections
{
    public static void Write(TextWriter w, ReportModel m)
    {
        w.Write("<h2 id=\"records\">");
        Labels.Write(w, "记录与修复", "Records and repairs");
        w.Write("</h2>\n<p class=\"more\">");
        Labels.Write(
            w,
            $"显示 {N(m.Shown.Count)} / {N(m.Articles.Records.Count)} 条记录（最多 {N(m.Options.MaxRecords)} 条；每条最多 {N(m.Options.MaxRepairsPerRecord)} 处修复，全页最多 {N(m.Options.MaxRepairs)} 处）。有未修复片段或低置信度修复的记录排在最前，其次是有修复或标记的记录，各组按来源排序。",
            $"Showing {N(m.Shown.Count)} of {N(m.Articles.Records.Count)} records (at most {N(m.Options.MaxRecords)}; at most {N(m.Options.MaxRepairsPerRecord)} repairs each, {N(m.Options.MaxRepairs)} in all). Records with unrepaired spans or low-confidence repairs come first, then records with repairs or flags, each group by source.");
        w.Write("</p>\n");
        if (m.Shown.Count > 0)
        {
            WriteFilters(w, m);
            var budget = m.Options.MaxRepairs;
            foreach (var record in m.Shown)
            {
                var repairs = m.Repairs.For(record.Id);
                var rows = repairs.Take(budget);
                budget -= rows.Count;
                WriteRecord(w, record, repairs, rows);
            }
        }

        ReportHtml.More(w, m.Articles.Records.Count - m.Shown.Count, OutputSet.ArticlesJsonl, "条记录", "records", "more-records");
        if (m.Shown.Count > 0)
        {
            w.Write("<script>\n");
            w.Write(ReportAssets.Script);
            w.Write("\n</script>\n");
        }
    }

    private static void WriteFilters(TextWriter w, ReportModel m)
    {
        var kinds = new SortedSet<string>(m.Shown.SelectMany(r => m.Repairs.For(r.Id).Kinds), StringComparer.Ordinal);
        var flags = new SortedSet<string>(m.Shown.SelectMany(r => r.Flags), StringComparer.Ordinal);
        w.Write("<div class=\"filters\" id=\"filters\"><label>");
        Labels.Write(w, "修复类型", "Kind");
        w.Write(" <select id=\"f-kind\">");
        Options(w, kinds);
        w.Write("</select></label> <label>");
        Labels.Write(w, "标记", "Flag");
        w.Write(" <select id=\"f-flag\">");
        Options(w, flags);
        w.Write("</select></label> <output id=\"f-count\"></output></div>\n");
    }

    private static void Options(TextWriter w, IEnumerable<string> values)
    {
        w.Write("<option value=\"\">全部 All</option>");
        foreach (var value in values)
        {
            w.Write("<option value=\"");
            Html.Write(w, value);
            w.Write("\">");
            Html.Write(w, value);
            w.Write("</option>");
        }
    }

    private static void WriteRecord(TextWriter w, RecordSummary record, RepairBucket repairs, IReadOnlyList<RepairEntry> rows)
    {
        w.Write($"<section class=\"record r{record.Rank}\" id=\"r-");
        Html.Write(w, record.Id);
        w.Write("\" data-flags=\"|");
        Html.Write(w, string.Join('|', record.Flags));
        w.Write("|\" data-kinds=\"|");
        Html.Write(w, string.Join('|', repairs.Kinds));
        w.Write("|\">\n<h3>");
        if (record.Title.Length > 0)
        {
            Html.Write(w, record.Title);
        }
        else
        {
            Labels.Write(w, "（无标题）", "(no title)");
        }

        w.Write("</h3>\n<p class=\"meta\">");
        foreach (var flag in record.Flags)
        {
            var attention = flag is RecordSummary.UnrepairedSpan or RecordSummary.LowConfidenceRepair;
            w.Write(attention ? "<span class=\"flag attn\">" : "<span class=\"flag\">");
            Labels.WriteTerm(w, flag);
            w.Write("</span>");
        }

        w.Write("<span class=\"src\">");
        Html.Write(w, record.Source);
        w.Write("</span> · <code>");
        Html.Write(w, record.Id);
        w.Write("</code>");
        if (record.PublishedAt.Length > 0)
        {
            w.Write(" · ");
            Html.Write(w, record.PublishedAt);
        }

        // Only web addresses become links: a javascript: or data: URL from a page must not run from the report.
        if (record.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || record.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            w.Write(" · <a rel=\"noreferrer\" href=\"");
            Html.Write(w, record.Url);
            w.Write("\">URL</a>");
        }

        if (record.DuplicateOf.Length > 0)
        {
            w.Write(" · 重复于 <span class=\"en\">duplicate of</span> <a href=\"#r-");
            Html.Write(w, record.DuplicateOf);
            w.Write("\"><code>");
            Html.Write(w, record.DuplicateOf);
            w.Write("</code></a>");
        }

        w.Write(" · ");
        Labels.Write(w, $"修复 {N(repairs.Total)} 处", $"{N(repairs.Total)} repairs");
        w.Write("</p>\n");
        if (rows.Count > 0)
        {
            WriteRepairs(w, repairs, rows);
        }

        ReportHtml.More(w, repairs.Total - rows.Count, OutputSet.RepairsJsonl, "处修复", "repairs");
        w.Write("</section>\n");
    }

    private static void WriteRepairs(TextWriter w, RepairBucket repairs, IReadOnlyList<RepairEntry> rows)
    {
        w.Write("<table class=\"repairs\"><colgroup><col class=\"k\"><col class=\"c\"><col class=\"w\"><col></colgroup><thead><tr><th>");
        Labels.Write(w, "类型", "Kind");
        w.Write("</th><th>");
        Labels.Write(w, "置信度", "Conf.");
        w.Write("</th><th>");
        Labels.Write(w, "位置", "Where");
        w.Write("</th><th>");
        Labels.Write(w, "改动：删除受损文字，插入修复文字", "Change: damaged text deleted, repaired text inserted");
        w.Write("</th></tr></thead><tbody>\n");
        foreach (var repair in rows)
        {
            WriteRepair(w, repair, repairs.ContextOf(repair));
        }

        w.Write("</tbody></table>\n");
    }

    /// <summary>One row: kind, confidence, where, then the change as an inline diff: the damaged part in &lt;del&gt;, the repaired part in &lt;ins&gt;, in the surrounding text of that moment when it could be placed.</summary>
    private static void WriteRepair(TextWriter w, RepairEntry r, (string Left, string Right) context)
    {
        var diff = InlineDiff.Of(r.Before, r.After);
        var prefix = InlineDiff.Tail(context.Left + diff.Prefix, InlineDiff.MaxContext);
        var suffix = InlineDiff.Head(diff.Suffix + context.Right, InlineDiff.MaxContext);
        w.Write(RepairBucket.IsLow(r) ? "<tr class=\"repair low\" data-kind=\"" : "<tr class=\"repair\" data-kind=\"");
        Html.Write(w, r.Kind);
        w.Write("\"><td>");
        Html.Write(w, r.Kind);
        w.Write("</td><td class=\"c\">");
        w.Write(r.Confidence.ToString("0.###", CultureInfo.InvariantCulture));
        w.Write("</td><td>");
        Html.Write(w, Where(r));
        w.Write("</td><td class=\"d\">");
        Html.Write(w, prefix, visibleWhitespace: true);
        Change(w, diff.Removed, "del");
        Change(w, diff.Added, "ins");
        Html.Write(w, suffix, visibleWhitespace: true);
        w.Write("</td></tr>\n");
    }

    private static void Change(TextWriter w, string change, string tag)
    {
        var (shown, omitted) = InlineDiff.Clip(change, InlineDiff.MaxChange);
        w.Write($"<{tag}>");
        Html.Write(w, shown, visibleWhitespace: true);
        if (omitted > 0)
        {
            w.Write($"<span class=\"clip\">…（另 {N(omitted)} 字 +{N(omitted)} chars）</span>");
        }

        w.Write($"</{tag}>");
    }

    private static string Where(RepairEntry r)
    {
        var where = r.Field == "body" ? $"body ¶{N(r.Paragraph)}" : r.Field;
        if (r.Offset > 0)
        {
            where += $" @{N(r.Offset)}";
        }

        return r.Stage == "repair" ? where : $"{where} · {r.Stage}";
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
