using System.Text;

namespace NewsEtl.Extraction.Html;

internal enum TagKind
{
    /// <summary>Comment, doctype, processing instruction or a stray "&lt;/": no element.</summary>
    Other,
    Start,
    End,
}

/// <param name="Name">The element, for a start or end tag.</param>
/// <param name="AttributesStart">Where the text after the tag name starts (up to <paramref name="AttributesEnd"/>).</param>
/// <param name="End">Index just past the tag's '&gt;'; -1 when the text ends inside it.</param>
internal readonly record struct HtmlTag(TagKind Kind, ElementName? Name, bool SelfClosing, int AttributesStart, int AttributesEnd, int End)
{
    public static HtmlTag Other(int end) => new(TagKind.Other, null, false, 0, 0, end);
}

/// <summary>What the tree builder treats an element name as (WHATWG 13.2.6), as bits.</summary>
[Flags]
internal enum ElementCategory
{
    None = 0,
    Void = 1,

    /// <summary>End tags closed only "in scope" (13.2.6.4.7, the "address, article, aside..." end tag rule).</summary>
    ScopedEnd = 1 << 1,
    TablePart = 1 << 2,

    /// <summary>Start tags that close a &lt;p&gt; in button scope (table is left out: in quirks mode it does not).</summary>
    ClosesP = 1 << 3,

    /// <summary>Start tags that leave SVG or MathML content.</summary>
    Breakout = 1 << 4,

    /// <summary>SVG and MathML elements whose children are HTML again.</summary>
    IntegrationPoint = 1 << 5,
    Scope = 1 << 6,
    TableScope = 1 << 7,
    Special = 1 << 8,

    /// <summary>What stops the search for an open &lt;li&gt;, &lt;dd&gt; or &lt;dt&gt; a new one closes.</summary>
    SpecialButAddressDivP = 1 << 9,
    RawText = 1 << 10,
    Heading = 1 << 11,
}

/// <summary>An element name (lower case) with a small number for array look-ups and its categories.</summary>
internal sealed class ElementName(string text, int id, ElementCategory categories)
{
    public string Text { get; } = text;

    public int Id { get; } = id;

    public ElementCategory Categories { get; } = categories;

    public bool Is(ElementCategory category) => (Categories & category) != 0;

    public override string ToString() => Text;
}

/// <summary>Tag syntax as the HTML tokenizer reads it (WHATWG 13.2.5), and the element categories of the tree builder.</summary>
internal static class HtmlTags
{
    /// <summary>Names longer than this are looked up as strings (no element the categories name is this long).</summary>
    private const int MaxStackName = 32;

    private static readonly (ElementCategory Category, string Names)[] Members =
    [
        (ElementCategory.Void,
            "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr"),
        (ElementCategory.ScopedEnd,
            "address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header "
            + "hgroup listing main menu nav ol pre search section summary ul dd dt applet marquee object template"),
        (ElementCategory.TablePart, "table tbody thead tfoot tr td th caption colgroup"),
        (ElementCategory.ClosesP,
            "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup "
            + "main menu nav ol p search section summary ul pre listing form plaintext hr xmp li dd dt"),
        (ElementCategory.Breakout,
            "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta "
            + "nobr ol p pre ruby s small span strong strike sub sup table tt u ul var"),
        (ElementCategory.IntegrationPoint, "foreignobject desc title mi mo mn ms mtext annotation-xml"),
        (ElementCategory.Scope,
            "applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title"),
        (ElementCategory.TableScope, "html table template"),
        (ElementCategory.Special | ElementCategory.SpecialButAddressDivP,
            "applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd "
            + "details dir dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
            + "hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript "
            + "object ol param plaintext pre script search section select source style summary table tbody td template "
            + "textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc"),
        (ElementCategory.Special, "address div p"),
        (ElementCategory.RawText, "script style xmp iframe noembed noframes title textarea"),
        (ElementCategory.Heading, "h1 h2 h3 h4 h5 h6"),
    ];

    /// <summary>Names that mean something to the tree builder, and a few common ones, by their lower-case text.</summary>
    private static readonly Dictionary<string, ElementName> Known = BuildKnown();

    private static readonly Dictionary<string, ElementName>.AlternateLookup<ReadOnlySpan<char>> KnownBySpan =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Ids below this belong to <see cref="Known"/> names; a <see cref="NameTable"/> numbers others from here.</summary>
    public static int KnownCount => Known.Count;

    public static ElementName Html { get; } = Known["html"];

    public static ElementName Body { get; } = Known["body"];

    public static ElementName Head { get; } = Known["head"];

    public static ElementName Br { get; } = Known["br"];

    public static ElementName Form { get; } = Known["form"];

    public static ElementName P { get; } = Known["p"];

    public static ElementName Li { get; } = Known["li"];

    public static ElementName Ol { get; } = Known["ol"];

    public static ElementName Ul { get; } = Known["ul"];

    public static ElementName Dd { get; } = Known["dd"];

    public static ElementName Dt { get; } = Known["dt"];

    public static ElementName Td { get; } = Known["td"];

    public static ElementName Th { get; } = Known["th"];

    public static ElementName Tr { get; } = Known["tr"];

    public static ElementName Option { get; } = Known["option"];

    public static ElementName Button { get; } = Known["button"];

    public static ElementName Svg { get; } = Known["svg"];

    public static ElementName Math { get; } = Known["math"];

    public static ElementName Font { get; } = Known["font"];

    public static ElementName Plaintext { get; } = Known["plaintext"];

    /// <summary>Element names of one page: the known ones shared, any other numbered once per table.</summary>
    internal sealed class NameTable
    {
        private Dictionary<string, ElementName>? _others;

        public ElementName Get(ReadOnlySpan<char> raw)
        {
            Span<char> lower = stackalloc char[MaxStackName];
            if (raw.Length <= MaxStackName && Ascii.IsValid(raw))
            {
                _ = Ascii.ToLower(raw, lower, out var written);
                var name = lower[..written];
                if (KnownBySpan.TryGetValue(name, out var known))
                {
                    return known;
                }

                _others ??= new Dictionary<string, ElementName>(StringComparer.Ordinal);
                var others = _others.GetAlternateLookup<ReadOnlySpan<char>>();
                if (others.TryGetValue(name, out var seen))
                {
                    return seen;
                }

                return Add(name.ToString());
            }

            var text = raw.ToString().ToLowerInvariant();
            if (Known.TryGetValue(text, out var knownText))
            {
                return knownText;
            }

            _others ??= new Dictionary<string, ElementName>(StringComparer.Ordinal);
            return _others.TryGetValue(text, out var seenText) ? seenText : Add(text);
        }

        private ElementName Add(string text)
        {
            var name = new ElementName(text, KnownCount + _others!.Count, ElementCategory.None);
            _others.Add(text, name);
            return name;
        }
    }

    /// <summary>Reads the markup that starts with the '&lt;' at <paramref name="lt"/>; element names come from <paramref name="names"/>.</summary>
    public static HtmlTag Read(string html, int lt, NameTable names)
    {
        var next = html[lt + 1];
        if (char.IsAsciiLetter(next))
        {
            return ReadTag(html, lt + 1, TagKind.Start, names);
        }

        if (next == '/')
        {
            if (lt + 2 >= html.Length)
            {
                return HtmlTag.Other(-1);
            }

            var after = html[lt + 2];
            return char.IsAsciiLetter(after) ? ReadTag(html, lt + 2, TagKind.End, names)
                : after == '>' ? HtmlTag.Other(lt + 3)
                : BogusComment(html, lt + 2);
        }

        if (next == '!')
        {
            return string.CompareOrdinal(html, lt + 2, "--", 0, 2) == 0 ? Comment(html, lt + 4) : BogusComment(html, lt + 2);
        }

        // "<?" opens a bogus comment; anything else after '<' is text.
        return next == '?' ? BogusComment(html, lt + 1) : HtmlTag.Other(lt + 1);
    }

    /// <summary>
    /// For an element whose content the tokenizer reads as text (script, style, title, textarea...; plaintext to the
    /// end), the index just past that text; null for any other element.
    /// </summary>
    public static int? TextModeEnd(string html, int from, ElementName name, bool htmlNamespace)
    {
        if (!htmlNamespace)
        {
            return null;
        }

        if (name == Plaintext)
        {
            return html.Length;
        }

        if (!name.Is(ElementCategory.RawText))
        {
            return null;
        }

        var text = name.Text;
        var at = from;
        while (true)
        {
            var close = html.IndexOf("</", at, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            var end = close + 2 + text.Length;
            if (end <= html.Length && string.Compare(html, close + 2, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == html.Length || html[end] is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>'))
            {
                return close; // the end tag itself is read as a tag
            }

            at = close + 2;
        }
    }

    private static Dictionary<string, ElementName> BuildKnown()
    {
        var categories = new Dictionary<string, ElementCategory>(StringComparer.Ordinal);
        foreach (var (category, names) in Members)
        {
            foreach (var name in names.Split(' '))
            {
                categories[name] = categories.GetValueOrDefault(name) | category;
            }
        }

        // Names the depth model asks about by name, and common inline elements, so that a page rarely needs a name of its own.
        foreach (var name in "option svg math font a span strong em img label i b u small abbr cite q time sup sub".Split(' '))
        {
            categories.TryAdd(name, ElementCategory.None);
        }

        var known = new Dictionary<string, ElementName>(StringComparer.Ordinal);
        foreach (var (name, category) in categories)
        {
            known.Add(name, new ElementName(name, known.Count, category));
        }

        return known;
    }

    private static HtmlTag ReadTag(string html, int nameStart, TagKind kind, NameTable names)
    {
        var i = nameStart;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        var name = names.Get(html.AsSpan(nameStart, i - nameStart));
        var attributesStart = i;
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return new HtmlTag(kind, name, selfClosing, attributesStart, i, i + 1);
            }

            if (IsSpace(c))
            {
                i++;
                continue;
            }

            if (c == '/')
            {
                selfClosing = i + 1 < html.Length && html[i + 1] == '>';
                i++;
                continue;
            }

            selfClosing = false;
            i = SkipAttribute(html, i);
        }

        return new HtmlTag(kind, name, false, 0, 0, -1);
    }

    // An attribute name (which may start with '=' and hold quotes), then optionally '=' and a value: a quote opens a
    // quoted value only right after the '=' (and spaces).
    private static int SkipAttribute(string html, int i)
    {
        i++;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>' or '='))
        {
            i++;
        }

        var j = i;
        while (j < html.Length && IsSpace(html[j]))
        {
            j++;
        }

        if (j >= html.Length || html[j] != '=')
        {
            return i;
        }

        j++;
        while (j < html.Length && IsSpace(html[j]))
        {
            j++;
        }

        if (j >= html.Length)
        {
            return j;
        }

        if (html[j] is '"' or '\'')
        {
            var close = html.IndexOf(html[j], j + 1);
            return close < 0 ? html.Length : close + 1;
        }

        while (j < html.Length && !IsSpace(html[j]) && html[j] != '>')
        {
            j++;
        }

        return j;
    }

    // "<!-->" and "<!--->" are empty comments; otherwise a comment ends at "-->" or "--!>".
    private static HtmlTag Comment(string html, int bodyStart)
    {
        if (bodyStart < html.Length && html[bodyStart] == '>')
        {
            return HtmlTag.Other(bodyStart + 1);
        }

        if (bodyStart + 1 < html.Length && html[bodyStart] == '-' && html[bodyStart + 1] == '>')
        {
            return HtmlTag.Other(bodyStart + 2);
        }

        var at = bodyStart;
        while (true)
        {
            var dashes = html.IndexOf("--", at, StringComparison.Ordinal);
            if (dashes < 0)
            {
                return HtmlTag.Other(-1);
            }

            if (dashes + 2 < html.Length && html[dashes + 2] == '>')
            {
                return HtmlTag.Other(dashes + 3);
            }

            if (dashes + 3 < html.Length && html[dashes + 2] == '!' && html[dashes + 3] == '>')
            {
                return HtmlTag.Other(dashes + 4);
            }

            at = dashes + 1;
        }
    }

    private static HtmlTag BogusComment(string html, int from)
    {
        var close = html.IndexOf('>', from);
        return HtmlTag.Other(close < 0 ? -1 : close + 1);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
