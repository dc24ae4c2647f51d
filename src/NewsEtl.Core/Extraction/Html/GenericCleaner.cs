using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Removes page furniture from a page of unknown template, by tag first and then by class/id names.</summary>
internal static class GenericCleaner
{
    private const string Furniture = "nav, header, footer, aside, menu, dialog";

    public static void Clean(IElement body)
    {
        StructuralCleaner.Remove(body, StructuralCleaner.NeverContent + ", " + Furniture);
        var total = Math.Max(1, HtmlText.CountHan(body.TextContent));
        foreach (var element in body.QuerySelectorAll("*").ToList())
        {
            if (body.Contains(element) && IsNoise(element, total))
            {
                element.Remove();
            }
        }
    }

    private static bool IsNoise(IElement element, int pageHan)
    {
        if (ElementNames.IsAlwaysNoise(element))
        {
            // A layout wrapper named after its sidebar ("main-with-sidebar") still holds the article.
            return element.QuerySelector("article, [itemprop='articleBody'], h1") is null;
        }

        // A "list" or "top" box holding most of the page's text is the page, not a widget on it.
        return ElementNames.IsLikelyNoise(element) && HtmlText.CountHan(element.TextContent) * 2 < pageHan;
    }
}
