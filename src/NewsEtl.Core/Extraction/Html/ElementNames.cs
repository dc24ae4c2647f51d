using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>What an element's class and id say about it: readability's hints, with the names Chinese news sites use.</summary>
internal static partial class ElementNames
{
    /// <summary>Never article text, whatever else the name says ("comment-content" is still comments).</summary>
    public static bool IsAlwaysNoise(IElement element) => AlwaysNoise().IsMatch(NameOf(element));

    /// <summary>Usually not article text, unless the name also says it is.</summary>
    public static bool IsLikelyNoise(IElement element)
    {
        var name = NameOf(element);
        return Negative().IsMatch(name) && !Positive().IsMatch(name);
    }

    /// <summary>The class-name weight of a candidate container: +25 for article-like names, -25 for boilerplate-like ones.</summary>
    public static int Weight(IElement element)
    {
        var name = NameOf(element);
        var weight = 0;
        if (Positive().IsMatch(name))
        {
            weight += 25;
        }

        if (Negative().IsMatch(name) || AlwaysNoise().IsMatch(name))
        {
            weight -= 25;
        }

        return weight;
    }

    private static string NameOf(IElement element) => (element.ClassName + " " + element.Id).ToLowerInvariant();

    [GeneratedRegex(@"comment|reply|replies|share|related|recommend|relevant|sidebar|side-bar|footer|copyright|disclaimer|breadcrumb|qrcode|qr-code|advert|sponsor|taboola|popup|modal|login|subscribe|paywall|hotnews|hot-news|rank")]
    private static partial Regex AlwaysNoise();

    [GeneratedRegex(@"(^|[\s_-])(nav|navbar|menu|header|head|foot|aside|side|ad|ads|adv|banner|promo|tags?|tool|tools|toolbar|social|pager|pagination|more|list|links|widget|extra|author-box|profile|app|download|sticky|top|bottom)([\s_-]|$)")]
    private static partial Regex Negative();

    [GeneratedRegex(@"article|content|body|entry|main|post|text|story|detail|news-?txt|正文")]
    private static partial Regex Positive();
}
