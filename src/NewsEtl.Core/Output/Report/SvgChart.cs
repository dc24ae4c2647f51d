using System.Globalization;

namespace NewsEtl.Output.Report;

/// <summary>Bar charts drawn as inline SVG: no script, no font or file from outside the page.</summary>
internal static class SvgChart
{
    private const int Width = 640;

    /// <summary>One bar per row, label on the left and value on the right: for named categories.</summary>
    public static void Bars(TextWriter w, string id, IReadOnlyList<(string Label, int Value)> rows)
    {
        if (!HasData(w, rows))
        {
            return;
        }

        const int labelWidth = 200, valueWidth = 56, rowHeight = 19, barHeight = 13;
        var max = rows.Max(r => r.Value);
        var height = rows.Count * rowHeight + 4;
        Open(w, id, height);
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = 2 + i * rowHeight;
            var bar = max == 0 ? 0 : (Width - labelWidth - valueWidth) * (double)value / max;
            w.Write("<g><title>");
            Html.Write(w, $"{label}: {N(value)}");
            w.Write($"</title><text x=\"{labelWidth - 8}\" y=\"{y + 11}\" text-anchor=\"end\">");
            Html.Write(w, InlineDiff.Head(label, 26));
            w.Write($"</text><rect x=\"{labelWidth}\" y=\"{y}\" width=\"{F(Math.Max(bar, value > 0 ? 1 : 0))}\" height=\"{barHeight}\"/>");
            w.Write($"<text x=\"{F(labelWidth + bar + 6)}\" y=\"{y + 11}\">{N(value)}</text></g>\n");
        }

        w.Write("</svg>\n");
    }

    /// <summary>One column per row in order, labels below (thinned out when crowded): for dates.</summary>
    public static void Columns(TextWriter w, string id, IReadOnlyList<(string Label, int Value)> rows)
    {
        if (!HasData(w, rows))
        {
            return;
        }

        const int left = 40, top = 16, plotHeight = 150, labelSpace = 74;
        var plotWidth = Width - left - 8;
        var max = rows.Max(r => r.Value);
        var step = Math.Min(48, (double)plotWidth / rows.Count);
        var gap = step > 6 ? Math.Min(step * 0.2, 8) : 0;
        var every = (int)Math.Ceiling(16 / step);
        Open(w, id, top + plotHeight + labelSpace);
        w.Write($"<line class=\"axis\" x1=\"{left}\" y1=\"{top + plotHeight}\" x2=\"{F(left + step * rows.Count)}\" y2=\"{top + plotHeight}\"/>");
        w.Write($"<text x=\"{left - 6}\" y=\"{top + 4}\" text-anchor=\"end\">{N(max)}</text>");
        w.Write($"<text x=\"{left - 6}\" y=\"{top + plotHeight}\" text-anchor=\"end\">0</text>\n");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var x = left + i * step;
            var h = max == 0 ? 0 : plotHeight * (double)value / max;
            w.Write("<g><title>");
            Html.Write(w, $"{label}: {N(value)}");
            w.Write($"</title><rect x=\"{F(x + gap / 2)}\" y=\"{F(top + plotHeight - h)}\" width=\"{F(step - gap)}\" height=\"{F(h)}\"/>");
            if (step >= 22)
            {
                w.Write($"<text x=\"{F(x + step / 2)}\" y=\"{F(top + plotHeight - h - 3)}\" text-anchor=\"middle\">{N(value)}</text>");
            }

            if (i % every == 0)
            {
                var lx = F(x + step / 2);
                var ly = top + plotHeight + 10;
                w.Write($"<text class=\"tick\" x=\"{lx}\" y=\"{ly}\" text-anchor=\"end\" transform=\"rotate(-50 {lx} {ly})\">");
                Html.Write(w, label);
                w.Write("</text>");
            }

            w.Write("</g>\n");
        }

        w.Write("</svg>\n");
    }

    private static bool HasData(TextWriter w, IReadOnlyList<(string Label, int Value)> rows)
    {
        if (rows.Count > 0)
        {
            return true;
        }

        w.Write("<p class=\"empty\">");
        Labels.Write(w, "无数据", "No data");
        w.Write("</p>\n");
        return false;
    }

    private static void Open(TextWriter w, string id, int height) =>
        w.Write($"<svg class=\"chart\" id=\"{id}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-caption\">\n");

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
