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
        // An explicit stack instead of recursion: however a page nests, the walk cannot exhaust the thread's stack.
        var pending = new Stack<Step>();
        PushChildren(pending, container);
        while (pending.Count > 0)
        {
            var step = pending.Pop();
            switch (step.Kind)
            {
                case StepKind.Visit when step.Node is IText text:
                    inline.Append(text.Data);
                    if (linkDepth > 0)
                    {
                        linkChars += text.Data.Length;
                    }

                    break;
                case StepKind.Visit when step.Node is IElement element:
                    Visit(element, pending);
                    break;
                case StepKind.LeaveLink:
                    linkDepth--;
                    break;
                case StepKind.LeaveBlock:
                    Flush(step.CaptionMarkup);
                    break;
            }
        }

        Flush(captionMarkup: false);
        return blocks;
    }

    private static void PushChildren(Stack<Step> pending, INode node)
    {
        // By index: AngleSharp finds a node's previous sibling by searching its parent's children.
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            if (children[i] is IText or IElement)
            {
                pending.Push(new Step(StepKind.Visit, children[i], false));
            }
        }
    }

    private void Visit(IElement element, Stack<Step> pending)
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
                VisitFigure(element, pending);
                return;
            case "a" when ReadMoreLink().IsMatch(HtmlText.Of(element)):
                return;
            case "a":
                linkDepth++;
                pending.Push(new Step(StepKind.LeaveLink, element, false));
                PushChildren(pending, element);
                return;
        }

        if (!BlockTags.Contains(element.LocalName))
        {
            PushChildren(pending, element);
            return;
        }

        Flush(captionMarkup: false);
        pending.Push(new Step(StepKind.LeaveBlock, element, CaptionClass().IsMatch(element.ClassName ?? string.Empty)));
        PushChildren(pending, element);
    }

    private void VisitFigure(IElement figure, Stack<Step> pending)
    {
        Flush(captionMarkup: false);
        var caption = HtmlText.OrNull(HtmlText.Of(figure.QuerySelector("figcaption")));
        var imgs = figure.QuerySelectorAll("img").ToList();
        if (imgs.Count == 0)
        {
            pending.Push(new Step(StepKind.LeaveBlock, figure, false));
            PushChildren(pending, figure);
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
    private enum StepKind
    {
        Visit,
        LeaveLink,
        LeaveBlock,
    }

    private readonly record struct Step(StepKind Kind, INode Node, bool CaptionMarkup);

    [GeneratedRegex(@"^(详情点击|点击查看详情|点击查看|查看详情|点击阅读|阅读原文|查看原文|点此查看)\s*(>+|》+|＞+)?$")]
    private static partial Regex ReadMoreLink();

    [GeneratedRegex(@"caption|img-?desc|pic-?desc|image-?desc|pic-?info|img-?note|image-?note|img-?title|pic-?title", RegexOptions.IgnoreCase)]
    private static partial Regex CaptionClass();

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();
}
