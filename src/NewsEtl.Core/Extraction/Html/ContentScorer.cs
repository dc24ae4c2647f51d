using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// Readability-style choice of the element that holds the article, tuned for Chinese: each paragraph scores by its
/// Han characters and sentence punctuation, the score flows to its parent and grandparent, and a container's total
/// is cut by its link density and moved by its class/id names.
/// </summary>
internal static class ContentScorer
{
    private const string Paragraphs = "p, pre, blockquote, td, li, h2, h3, h4, div, section";

    public static IElement? Best(IElement root)
    {
        var scores = new Dictionary<IElement, double>();
        foreach (var element in root.QuerySelectorAll(Paragraphs))
        {
            var text = OwnText(element);
            var han = HtmlText.CountHan(text);
            if (han < 10)
            {
                continue;
            }

            var score = 1 + HtmlText.CountProsePunctuation(text) + Math.Min(han / 40.0, 4);
            Add(scores, element.ParentElement, score);
            Add(scores, element.ParentElement?.ParentElement, score / 2);
        }

        IElement? best = null;
        var bestScore = 0.0;
        foreach (var (candidate, raw) in scores)
        {
            var score = (raw + ElementNames.Weight(candidate)) * (1 - LinkDensity(candidate));
            if (score > bestScore)
            {
                (best, bestScore) = (candidate, score);
            }
        }

        return best;
    }

    public static double LinkDensity(IElement element)
    {
        var total = HtmlText.Normalize(element.TextContent).Length;
        if (total == 0)
        {
            return 0;
        }

        var links = element.QuerySelectorAll("a").Sum(a => HtmlText.Normalize(a.TextContent).Length);
        return Math.Min(1.0, (double)links / total);
    }

    // A div counts as a paragraph only through its own text nodes (sites that write text straight into divs with <br>);
    // its child paragraphs are scored on their own.
    private static string OwnText(IElement element) =>
        element.LocalName is "div" or "section"
            ? string.Concat(element.ChildNodes.OfType<IText>().Select(t => t.Data))
            : element.TextContent;

    private static void Add(Dictionary<IElement, double> scores, IElement? element, double score)
    {
        if (element is null || element.LocalName is "html")
        {
            return;
        }

        scores[element] = scores.GetValueOrDefault(element) + score;
    }
}
