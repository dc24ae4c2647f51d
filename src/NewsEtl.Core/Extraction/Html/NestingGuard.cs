using System.Text;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// Bounds how deep a page's elements nest before AngleSharp sees it. A parser's tree construction costs time in
/// proportion to the depth for each tag (100,000 unclosed &lt;div&gt;s take minutes), and deep trees break
/// recursive walks; so, as Chromium does at 512 levels, tags that would open an element deeper than the limit are
/// dropped (their text stays). The depth is tracked with the HTML tokenizer's tag syntax and a model of the tree
/// builder's stack of open elements that never pops an element the real parser keeps open.
/// </summary>
internal static class NestingGuard
{
    /// <summary>The page text with tags past <paramref name="maxDepth"/> removed; the same instance when none were.</summary>
    public static string Flatten(string html, int maxDepth, out int droppedTags)
    {
        var model = new OpenElements(maxDepth);
        var names = new HtmlTags.NameTable();
        StringBuilder? output = null;
        var copied = 0;
        droppedTags = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0 || lt + 1 >= html.Length)
            {
                break;
            }

            var tag = HtmlTags.Read(html, lt, names);
            if (tag.End < 0)
            {
                break; // a tag or comment cut off by the end of the text: the tokenizer emits nothing for it
            }

            var keep = tag.Kind switch
            {
                TagKind.Start => model.Open(tag.Name!, tag.SelfClosing, html.AsSpan(tag.AttributesStart, tag.AttributesEnd - tag.AttributesStart)),
                TagKind.End => model.Close(tag.Name!),
                _ => true,
            };
            if (!keep)
            {
                output ??= new StringBuilder(html.Length);
                output.Append(html, copied, lt - copied);
                copied = tag.End;
                droppedTags++;
            }

            i = tag.End;
            if (keep && tag.Kind == TagKind.Start && HtmlTags.TextModeEnd(html, tag.End, tag.Name!, model.TopIsHtml) is { } textEnd)
            {
                // script, style, textarea...: their content is text up to the matching end tag.
                i = textEnd;
                if (textEnd >= html.Length)
                {
                    break;
                }
            }
        }

        if (output is null)
        {
            return html;
        }

        output.Append(html, copied, html.Length - copied);
        return output.ToString();
    }

    /// <summary>
    /// The tree builder's stack of open elements, as far as depth is concerned: elements are popped only where the
    /// HTML5 algorithm pops them (an end tag in scope, a same-name sibling, a block closing a &lt;p&gt;), so the model is
    /// never shallower than the real tree by more than the few elements the parser inserts by itself (tbody, tr).
    /// For each element name and each category the positions where it is open are kept, so that "the nearest open
    /// p" or "the nearest scope boundary" is one look-up.
    /// </summary>
    private sealed class OpenElements(int maxDepth)
    {
        // Keys of the position index: the categories first, then each element name's id after them.
        private const int HeadingKey = 0;
        private const int ScopeKey = 1;
        private const int TableScopeKey = 2;
        private const int SpecialKey = 3;
        private const int SpecialButAddressDivPKey = 4;
        private const int FirstNameKey = 5;

        private static readonly (ElementCategory Category, int Key)[] Tracked =
        [
            (ElementCategory.Heading, HeadingKey),
            (ElementCategory.Scope, ScopeKey),
            (ElementCategory.TableScope, TableScopeKey),
            (ElementCategory.Special, SpecialKey),
            (ElementCategory.SpecialButAddressDivP, SpecialButAddressDivPKey),
        ];

        private readonly List<(ElementName Name, bool Foreign)> stack = [];
        private List<int>?[] positions = new List<int>?[FirstNameKey + HtmlTags.KnownCount];
        private int excess;

        /// <summary>Whether the current node is an HTML element (raw-text rules apply only there).</summary>
        public bool TopIsHtml { get; private set; } = true;

        /// <summary>Processes a start tag; false when it would nest too deep and must be dropped.</summary>
        public bool Open(ElementName name, bool selfClosing, ReadOnlySpan<char> attributes)
        {
            var foreign = ChildIsForeign(name, attributes);
            if (!foreign && name.Is(ElementCategory.Void))
            {
                return true;
            }

            if (!foreign)
            {
                CloseImplied(name);
            }

            var foreignRoot = name == HtmlTags.Svg || name == HtmlTags.Math;
            if (selfClosing && (foreign || foreignRoot))
            {
                return true;
            }

            if (stack.Count >= maxDepth)
            {
                excess++;
                return false;
            }

            Push(name, foreign || foreignRoot);
            return true;
        }

        /// <summary>Processes an end tag; false when it closes a dropped start tag and must be dropped too.</summary>
        public bool Close(ElementName name)
        {
            if (excess > 0)
            {
                excess--;
                return false;
            }

            var heading = name.Is(ElementCategory.Heading);
            var at = heading ? Top(HeadingKey) : Top(name);
            if (at < 0)
            {
                return true;
            }

            int stop;
            if (name == HtmlTags.Html || name == HtmlTags.Body || name == HtmlTags.Br || name == HtmlTags.Form)
            {
                stop = int.MaxValue;
            }
            else if (name == HtmlTags.P)
            {
                stop = Math.Max(Top(ScopeKey), Top(HtmlTags.Button));
            }
            else if (name == HtmlTags.Li)
            {
                stop = Math.Max(Top(ScopeKey), Math.Max(Top(HtmlTags.Ol), Top(HtmlTags.Ul)));
            }
            else if (name.Is(ElementCategory.TablePart))
            {
                stop = Top(TableScopeKey);
            }
            else if (name.Is(ElementCategory.ScopedEnd) || heading)
            {
                stop = Top(ScopeKey);
            }
            else
            {
                stop = Top(SpecialKey);
            }

            if (name == HtmlTags.Head && at == stack.Count - 1)
            {
                stop = at;
            }

            if (at >= stop)
            {
                PopTo(at);
            }

            return true;
        }

        private bool ChildIsForeign(ElementName name, ReadOnlySpan<char> attributes)
        {
            if (stack.Count == 0 || !stack[^1].Foreign || stack[^1].Name.Is(ElementCategory.IntegrationPoint))
            {
                return false;
            }

            // A breakout tag (div, p, b, font with color...) leaves SVG/MathML: the parser pops back to HTML.
            if (name.Is(ElementCategory.Breakout)
                || (name == HtmlTags.Font && (attributes.Contains("color", StringComparison.OrdinalIgnoreCase)
                    || attributes.Contains("face", StringComparison.OrdinalIgnoreCase)
                    || attributes.Contains("size", StringComparison.OrdinalIgnoreCase))))
            {
                while (stack.Count > 0 && stack[^1].Foreign)
                {
                    PopTo(stack.Count - 1);
                }

                return false;
            }

            return true;
        }

        // Only the implied end tags the parser always applies: a block start closes an open <p> in button scope,
        // <li>, <dd>/<dt>, <td>/<th>, <tr>, <option> and headings close their open sibling.
        private void CloseImplied(ElementName name)
        {
            var heading = name.Is(ElementCategory.Heading);
            if (name.Is(ElementCategory.ClosesP) || heading)
            {
                var p = Top(HtmlTags.P);
                if (p >= 0 && p >= Math.Max(Top(ScopeKey), Top(HtmlTags.Button)))
                {
                    PopTo(p);
                }
            }

            var sibling = -1;
            var tableCell = false;
            if (name == HtmlTags.Li)
            {
                sibling = Top(HtmlTags.Li);
            }
            else if (name == HtmlTags.Dd || name == HtmlTags.Dt)
            {
                sibling = Math.Max(Top(HtmlTags.Dd), Top(HtmlTags.Dt));
            }
            else if (name == HtmlTags.Td || name == HtmlTags.Th || name == HtmlTags.Tr)
            {
                sibling = Math.Max(Top(HtmlTags.Td), Top(HtmlTags.Th));
                tableCell = true;
            }
            else if (name == HtmlTags.Option && stack.Count > 0 && stack[^1].Name == HtmlTags.Option)
            {
                sibling = stack.Count - 1;
            }
            else if (heading && stack.Count > 0 && stack[^1].Name.Is(ElementCategory.Heading))
            {
                sibling = stack.Count - 1;
            }

            if (sibling >= 0)
            {
                var stop = tableCell ? Top(TableScopeKey) : Top(SpecialButAddressDivPKey);
                if (sibling >= stop)
                {
                    PopTo(sibling);
                }
            }

            if (name == HtmlTags.Tr && Top(HtmlTags.Tr) is var row and >= 0 && row >= Top(TableScopeKey))
            {
                PopTo(row);
            }
        }

        private void Push(ElementName name, bool foreign)
        {
            stack.Add((name, foreign));
            var at = stack.Count - 1;
            Positions(FirstNameKey + name.Id).Add(at);
            foreach (var (category, key) in Tracked)
            {
                if (name.Is(category))
                {
                    Positions(key).Add(at);
                }
            }

            TopIsHtml = !foreign;
        }

        private void PopTo(int index)
        {
            while (stack.Count > index)
            {
                var (name, _) = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                RemoveLast(FirstNameKey + name.Id);
                foreach (var (category, key) in Tracked)
                {
                    if (name.Is(category))
                    {
                        RemoveLast(key);
                    }
                }
            }

            TopIsHtml = stack.Count == 0 || !stack[^1].Foreign;
        }

        private void RemoveLast(int key)
        {
            var list = positions[key]!;
            list.RemoveAt(list.Count - 1);
        }

        private List<int> Positions(int key)
        {
            if (key >= positions.Length)
            {
                Array.Resize(ref positions, Math.Max(key + 1, positions.Length * 2));
            }

            return positions[key] ??= [];
        }

        /// <summary>The highest stack position where the element is open; -1 when it is not.</summary>
        private int Top(ElementName name) => Top(FirstNameKey + name.Id);

        private int Top(int key) => key < positions.Length && positions[key] is { Count: > 0 } list ? list[^1] : -1;
    }
}
