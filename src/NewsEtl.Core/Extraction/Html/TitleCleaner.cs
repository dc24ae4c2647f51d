using System.Text.RegularExpressions;

namespace NewsEtl.Extraction.Html;

/// <summary>Takes the site name off a &lt;title&gt; so it can stand in for a missing &lt;h1&gt;.</summary>
internal static partial class TitleCleaner
{
    /// <summary>Removes Jiemian's suffixes ("|界面新闻", "|界面新闻 · 中国", "_界面新闻") and, failing that, any site-name part.</summary>
    public static string Clean(string? title)
    {
        var text = HtmlText.Normalize(title ?? string.Empty);
        var jiemian = JiemianSuffix().Replace(text, string.Empty);
        if (jiemian.Length != text.Length)
        {
            return jiemian;
        }

        // Other sites: "headline - section - site"; the headline is the first part when it is long enough.
        var parts = Separator().Split(text).Where(p => p.Length > 0).ToList();
        if (parts.Count < 2)
        {
            return text;
        }

        return parts[0].Length >= 6 ? parts[0] : parts.OrderByDescending(p => p.Length).First();
    }

    [GeneratedRegex(@"\s*[|｜_\-–—]\s*界面(新闻)?(\s*[·・]\s*[^|｜_]{1,12})?\s*$")]
    private static partial Regex JiemianSuffix();

    [GeneratedRegex(@"\s+[-–—|｜]\s+|\s*[_|｜]\s*")]
    private static partial Regex Separator();
}
