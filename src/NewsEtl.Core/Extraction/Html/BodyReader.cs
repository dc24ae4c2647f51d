using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Walks a cleaned body container and cuts it into text and image blocks in reading order.</summary>
internal sealed partial class BodyReader(ImageSources images)
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
        "blockquote", "pre", "table", "thead", "tbody", "tr", "td", "th", "caption", "figcaption", "center", "address", "hr",
        "header", "footer", "aside",
    };

    private readonly List<BodyBlock> blocks = [];
    private readonly StringBuilder inline = new();
    private int linkChars;
    private int linkDepth;

    public IReadOnlyList<BodyBlock> Read(IElement container)
    {
        blocks.Clear();
        WalkChildren(container);
        Flush(captionMarkup: false);
        return blocks;
    }

    private void WalkChildren(INode node)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText text)
            {
                inline.Append(text.Data);
                if (linkDepth > 0)
                {
                    linkChars += text.Data.Length;
                }
            }
            else if (child is IElement element)
            {
                Visit(element);
            }
        }
    }

    private void Visit(IElement element)
    {
        if (IsHidden(element))
        {
            return;
        }

        switch (element.LocalName)
        {
            case "img":
                AddImage(element, caption: null);
                return;
            case "br":
                Flush(captionMarkup: false);
                return;
            case "figure":
                VisitFigure(element);
                return;
            case "a" when ReadMoreLink().IsMatch(HtmlText.Of(element)):
                return;
            case "a":
                linkDepth++;
                WalkChildren(element);
                linkDepth--;
                return;
        }

        if (!BlockTags.Contains(element.LocalName))
        {
            WalkChildren(element);
            return;
        }

        Flush(captionMarkup: false);
        WalkChildren(element);
        Flush(captionMarkup: CaptionClass().IsMatch(element.ClassName ?? string.Empty));
    }

    private void VisitFigure(IElement figure)
    {
        Flush(captionMarkup: false);
        var caption = HtmlText.OrNull(HtmlText.Of(figure.QuerySelector("figcaption")));
        var imgs = figure.QuerySelectorAll("img").ToList();
        if (imgs.Count == 0)
        {
            WalkChildren(figure);
            Flush(captionMarkup: false);
            return;
        }

        for (var i = 0; i < imgs.Count; i++)
        {
            AddImage(imgs[i], i == 0 ? caption : null);
        }
    }

    private void AddImage(IElement image, string? caption)
    {
        if (images.UrlOf(image) is not { } url)
        {
            return;
        }

        // An image splits the text around it, so a caption right after it stays a block of its own.
        Flush(captionMarkup: false);
        blocks.Add(new ImageBlock(url, caption));
    }

    private void Flush(bool captionMarkup)
    {
        var raw = inline.ToString();
        var text = HtmlText.Normalize(raw);
        if (text.Length > 0)
        {
            var density = raw.Length == 0 ? 0 : Math.Min(1.0, (double)linkChars / raw.Length);
            blocks.Add(new TextBlock(text, captionMarkup, density));
        }

        inline.Clear();
        linkChars = 0;
    }

    private static bool IsHidden(IElement element) =>
        element.HasAttribute("hidden")
        || (element.GetAttribute("style") is { } style && HiddenStyle().IsMatch(style));

    // "详情点击>>" and the like point elsewhere; they are navigation, not the sentence they end.
    [GeneratedRegex(@"^(详情点击|点击查看详情|点击查看|查看详情|点击阅读|阅读原文|查看原文|点此查看)\s*(>+|》+|＞+)?$")]
    private static partial Regex ReadMoreLink();

    [GeneratedRegex(@"caption|img-?desc|pic-?desc|image-?desc|pic-?info|img-?note|image-?note|img-?title|pic-?title", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionClass();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
