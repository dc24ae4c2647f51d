namespace NewsEtl.Extraction.Html;

internal enum TagKind
{
    /// <summary>Comment, doctype, processing instruction or a stray "&lt;/": no element.</summary>
    Other,
    Start,
    End,
}

/// <param name="End">Index just past the tag's '&gt;'; -1 when the text ends inside it.</param>
internal readonly record struct HtmlTag(TagKind Kind, string? Name, bool SelfClosing, string Attributes, int End);

/// <summary>Tag syntax as the HTML tokenizer reads it (WHATWG 13.2.5), and the element categories of the tree builder.</summary>
internal static class HtmlTags
{
    public const string HeadingKey = "#heading";

    public static readonly HashSet<string> Void = Set(
        "area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr");

    /// <summary>End tags closed only "in scope" (13.2.6.4.7, the "address, article, aside..." end tag rule).</summary>
    public static readonly HashSet<string> ScopedEnd = Set(
        "address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header "
        + "hgroup listing main menu nav ol pre search section summary ul dd dt applet marquee object template");

    public static readonly HashSet<string> TableParts = Set("table tbody thead tfoot tr td th caption colgroup");

    /// <summary>Start tags that close a &lt;p&gt; in button scope (table is left out: in quirks mode it does not).</summary>
    public static readonly HashSet<string> ClosesP = Set(
        "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup "
        + "main menu nav ol p search section summary ul pre listing form plaintext hr xmp li dd dt");

    public static readonly HashSet<string> Breakout = Set(
        "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta nobr "
        + "ol p pre ruby s small span strong strike sub sup table tt u ul var");

    /// <summary>SVG and MathML elements whose children are HTML again.</summary>
    public static readonly HashSet<string> IntegrationPoints = Set("foreignobject desc title mi mo mn ms mtext annotation-xml");

    public static readonly Category Scope = new("#scope", Set(
        "applet caption html table td th marquee object template mi mo mn ms mtext annotation-xml foreignobject desc title"));

    public static readonly Category TableScope = new("#table-scope", Set("html table template"));

    public static readonly Category Special = new("#special", Set(
        "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd "
        + "details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header "
        + "hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript "
        + "object ol p param plaintext pre script search section select source style summary table tbody td template "
        + "textarea tfoot th thead title tr track ul wbr xmp mi mo mn ms mtext annotation-xml foreignobject desc"));

    /// <summary>What stops the search for an open &lt;li&gt;, &lt;dd&gt; or &lt;dt&gt; a new one closes.</summary>
    public static readonly Category SpecialButAddressDivP = new("#special-li", new HashSet<string>(
        Special.Members.Except(["address", "div", "p"]), StringComparer.Ordinal));

    public static readonly Category[] Categories = [Scope, TableScope, Special, SpecialButAddressDivP];

    private static readonly HashSet<string> RawText = Set("script style xmp iframe noembed noframes title textarea");

    public static bool IsHeading(string name) => name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    /// <summary>Reads the markup that starts with the '&lt;' at <paramref name="lt"/>.</summary>
    public static HtmlTag Read(string html, int lt)
    {
        var next = html[lt + 1];
        if (char.IsAsciiLetter(next))
        {
            return ReadTag(html, lt + 1, TagKind.Start);
        }

        if (next == '/')
        {
            if (lt + 2 >= html.Length)
            {
                return new HtmlTag(TagKind.Other, null, false, "", -1);
            }

            var after = html[lt + 2];
            return char.IsAsciiLetter(after) ? ReadTag(html, lt + 2, TagKind.End)
                : after == '>' ? new HtmlTag(TagKind.Other, null, false, "", lt + 3)
                : BogusComment(html, lt + 2);
        }

        if (next == '!')
        {
            return string.CompareOrdinal(html, lt + 2, "--", 0, 2) == 0 ? Comment(html, lt + 4) : BogusComment(html, lt + 2);
        }

        // "<?" opens a bogus comment; anything else after '<' is text.
        return next == '?' ? BogusComment(html, lt + 1) : new HtmlTag(TagKind.Other, null, false, "", lt + 1);
    }

    /// <summary>
    /// For an element whose content the tokenizer reads as text (script, style, title, textarea...; plaintext to the
    /// end), the index just past that text; null for any other element.
    /// </summary>
    public static int? TextModeEnd(string html, int from, string name, bool htmlNamespace)
    {
        if (!htmlNamespace)
        {
            return null;
        }

        if (name == "plaintext")
        {
            return html.Length;
        }

        if (!RawText.Contains(name))
        {
            return null;
        }

        var at = from;
        while (true)
        {
            var close = html.IndexOf("</", at, StringComparison.Ordinal);
            if (close < 0)
            {
                return html.Length;
            }

            var end = close + 2 + name.Length;
            if (end <= html.Length && string.Compare(html, close + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (end == html.Length || html[end] is '\t' or '\n' or '\f' or '\r' or ' ' or '/' or '>'))
            {
                return close; // the end tag itself is read as a tag
            }

            at = close + 2;
        }
    }

    private static HtmlTag ReadTag(string html, int nameStart, TagKind kind)
    {
        var i = nameStart;
        while (i < html.Length && !IsSpace(html[i]) && html[i] is not ('/' or '>'))
        {
            i++;
        }

        var name = html[nameStart..i].ToLowerInvariant();
        var attributesStart = i;
        var selfClosing = false;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '>')
            {
                return new HtmlTag(kind, name, selfClosing, html[attributesStart..i], i + 1);
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

        return new HtmlTag(kind, name, false, "", -1);
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
            return new HtmlTag(TagKind.Other, null, false, "", bodyStart + 1);
        }

        if (bodyStart + 1 < html.Length && html[bodyStart] == '-' && html[bodyStart + 1] == '>')
        {
            return new HtmlTag(TagKind.Other, null, false, "", bodyStart + 2);
        }

        var at = bodyStart;
        while (true)
        {
            var dashes = html.IndexOf("--", at, StringComparison.Ordinal);
            if (dashes < 0)
            {
                return new HtmlTag(TagKind.Other, null, false, "", -1);
            }

            if (dashes + 2 < html.Length && html[dashes + 2] == '>')
            {
                return new HtmlTag(TagKind.Other, null, false, "", dashes + 3);
            }

            if (dashes + 3 < html.Length && html[dashes + 2] == '!' && html[dashes + 3] == '>')
            {
                return new HtmlTag(TagKind.Other, null, false, "", dashes + 4);
            }

            at = dashes + 1;
        }
    }

    private static HtmlTag BogusComment(string html, int from)
    {
        var close = html.IndexOf('>', from);
        return new HtmlTag(TagKind.Other, null, false, "", close < 0 ? -1 : close + 1);
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private static HashSet<string> Set(string names) => new(names.Split(' '), StringComparer.Ordinal);

    /// <summary>A set of element names tracked on the model stack under one key.</summary>
    internal sealed record Category(string Key, HashSet<string> Members);
}
