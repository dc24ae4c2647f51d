using System.Buffers;
using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// The first element in document order with each of a few class names (or with a class attribute that contains a
/// piece of text, as <c>[class*='paywall']</c> finds it), found in one walk of the tree that reads each class attribute
/// as text. A class selector (<c>.article-content</c>) run over the whole document builds every
/// element's token list instead, which cost a tenth of extraction on a page of several thousand elements.
/// </summary>
internal sealed class ClassIndex
{
    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\n\r\f");

    private readonly (IElement Element, int Order)?[] _first;
    private readonly IElement?[] _containing;
    private readonly string[] _names;
    private readonly string[] _fragments;

    private ClassIndex(string[] names, (IElement, int)?[] first, string[] fragments, IElement?[] containing)
    {
        _names = names;
        _first = first;
        _fragments = fragments;
        _containing = containing;
    }

    /// <summary>Walks the document once; only <paramref name="names"/> can be asked for afterwards.</summary>
    public static ClassIndex Build(IDocument document, params string[] names) => Build(document, names, []);

    /// <summary>Walks the document once; only <paramref name="names"/> and <paramref name="fragments"/> can be asked for afterwards.</summary>
    public static ClassIndex Build(IDocument document, string[] names, string[] fragments)
    {
        var first = new (IElement, int)?[names.Length];
        var containing = new IElement?[fragments.Length];
        var missing = names.Length + fragments.Length;
        var order = 0;
        var pending = new Stack<INode>();
        pending.Push(document);
        while (pending.Count > 0 && missing > 0)
        {
            var node = pending.Pop();
            if (node is IElement element && element.GetAttribute("class") is { Length: > 0 } value)
            {
                missing -= Record(value, element, order, names, first);
                for (var f = 0; f < fragments.Length; f++)
                {
                    if (containing[f] is null && value.Contains(fragments[f], StringComparison.Ordinal))
                    {
                        containing[f] = element;
                        missing--;
                    }
                }
            }

            order++;

            // By index, pushed last child first so that they pop in document order.
            var children = node.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                if (children[i] is IElement child)
                {
                    pending.Push(child);
                }
            }
        }

        return new ClassIndex(names, first, fragments, containing);
    }

    /// <summary>The first element with any of the class names (as <c>.a, .b</c> would find it), or null.</summary>
    public IElement? First(params ReadOnlySpan<string> classNames)
    {
        (IElement Element, int Order)? best = null;
        foreach (var name in classNames)
        {
            var at = Array.IndexOf(_names, name);
            if (at < 0)
            {
                throw new ArgumentException($"'{name}' was not indexed.", nameof(classNames));
            }

            if (_first[at] is { } found && (best is null || found.Order < best.Value.Order))
            {
                best = found;
            }
        }

        return best?.Element;
    }

    /// <summary>The first element whose class attribute contains the text, or null.</summary>
    public IElement? FirstContaining(string fragment)
    {
        var at = Array.IndexOf(_fragments, fragment);
        return at >= 0 ? _containing[at] : throw new ArgumentException($"'{fragment}' was not indexed.", nameof(fragment));
    }

    // The class attribute is a set of tokens separated by ASCII whitespace, compared case-sensitively.
    private static int Record(string value, IElement element, int order, string[] names, (IElement, int)?[] first)
    {
        var found = 0;
        var rest = value.AsSpan();
        while (rest.Length > 0)
        {
            var start = rest.IndexOfAnyExcept(Whitespace);
            if (start < 0)
            {
                break;
            }

            rest = rest[start..];
            var end = rest.IndexOfAny(Whitespace);
            var token = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[end..];
            for (var n = 0; n < names.Length; n++)
            {
                if (first[n] is null && token.SequenceEqual(names[n]))
                {
                    first[n] = (element, order);
                    found++;
                }
            }
        }

        return found;
    }

}
