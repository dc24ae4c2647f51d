using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Removes whole elements by selector: boilerplate goes out by structure before any text rule runs.</summary>
internal static class StructuralCleaner
{
    /// <summary>Never content on any page: code, media players and form controls.</summary>
    public const string NeverContent =
        "script, style, noscript, template, iframe, object, embed, svg, canvas, form, textarea, input, button, select, link, meta";

    public static void Remove(IElement root, string selectors)
    {
        foreach (var element in root.QuerySelectorAll(selectors).ToList())
        {
            element.Remove();
        }
    }
}
