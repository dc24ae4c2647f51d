using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Reads &lt;meta&gt; values by property (Open Graph) or name.</summary>
internal static class HtmlMeta
{
    public static string? Content(IDocument document, string key)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var name = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                var value = HtmlText.Normalize(meta.GetAttribute("content") ?? string.Empty);
                if (value.Length > 0)
                {
                    return value;
                }
            }
        }

        return null;
    }

    public static IReadOnlyList<string> All(IDocument document, string key) =>
        document.QuerySelectorAll("meta[content]")
            .Where(m => string.Equals(m.GetAttribute("property") ?? m.GetAttribute("name"), key, StringComparison.OrdinalIgnoreCase))
            .Select(m => HtmlText.Normalize(m.GetAttribute("content") ?? string.Empty))
            .Where(v => v.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
