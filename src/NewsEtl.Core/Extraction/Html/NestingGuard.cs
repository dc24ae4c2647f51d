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

            var tag = HtmlTags.Read(html, lt);
            if (tag.End < 0)
            {
                break; // a tag or comment cut off by the end of the text: the tokenizer emits nothing for it
            }

            var keep = tag.Kind switch
            {
                TagKind.Start => model.Open(tag.Name!, tag.SelfClosing, tag.Attributes),
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
    /// </summary>
    private sealed class OpenElements(int maxDepth)
    {
        private readonly List<(string Name, bool Foreign)> stack = [];
        private readonly Dictionary<string, List<int>> byName = new(StringComparer.Ordinal);
        private int excess;

        /// <summary>Whether the current node is an HTML element (raw-text rules apply only there).</summary>
        public bool TopIsHtml { get; private set; } = true;

        /// <summary>Processes a start tag; false when it would nest too deep and must be dropped.</summary>
        public bool Open(string name, bool selfClosing, string attributes)
        {
            var foreign = ChildIsForeign(name, attributes);
            if (!foreign && HtmlTags.Void.Contains(name))
            {
                return true;
            }

            if (!foreign)
            {
                CloseImplied(name);
            }

            if (selfClosing && (foreign || name is "svg" or "math"))
            {
                return true;
            }

            if (stack.Count >= maxDepth)
            {
                excess++;
                return false;
            }

            Push(name, foreign || name is "svg" or "math");
            return true;
        }

        /// <summary>Processes an end tag; false when it closes a dropped start tag and must be dropped too.</summary>
        public bool Close(string name)
        {
            if (excess > 0)
            {
                excess--;
                return false;
            }

            var key = HtmlTags.IsHeading(name) ? HtmlTags.HeadingKey : name;
            if (Top(key) is not { } at)
            {
                return true;
            }

            var stop = name switch
            {
                "html" or "body" or "br" or "form" => int.MaxValue,
                "p" => Math.Max(TopOf(HtmlTags.Scope), Top("button") ?? -1),
                "li" => Math.Max(TopOf(HtmlTags.Scope), Math.Max(Top("ol") ?? -1, Top("ul") ?? -1)),
                _ when HtmlTags.TableParts.Contains(name) => TopOf(HtmlTags.TableScope),
                _ when HtmlTags.ScopedEnd.Contains(name) || key == HtmlTags.HeadingKey => TopOf(HtmlTags.Scope),
                _ => TopOf(HtmlTags.Special),
            };
            if (name == "head" && at == stack.Count - 1)
            {
                stop = at;
            }

            if (at >= stop)
            {
                PopTo(at);
            }

            return true;
        }

        private bool ChildIsForeign(string name, string attributes)
        {
            if (stack.Count == 0 || !stack[^1].Foreign || HtmlTags.IntegrationPoints.Contains(stack[^1].Name))
            {
                return false;
            }

            // A breakout tag (div, p, b, font with color...) leaves SVG/MathML: the parser pops back to HTML.
            if (HtmlTags.Breakout.Contains(name)
                || (name == "font" && (attributes.Contains("color", StringComparison.OrdinalIgnoreCase)
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
        private void CloseImplied(string name)
        {
            if (HtmlTags.ClosesP.Contains(name) || HtmlTags.IsHeading(name))
            {
                var p = Top("p");
                if (p is { } at && at >= Math.Max(TopOf(HtmlTags.Scope), Top("button") ?? -1))
                {
                    PopTo(at);
                }
            }

            var sibling = name switch
            {
                "li" => Top("li"),
                "dd" or "dt" => Math.Max(Top("dd") ?? -1, Top("dt") ?? -1) is var d and >= 0 ? d : null,
                "td" or "th" or "tr" => Math.Max(Top("td") ?? -1, Top("th") ?? -1) is var c and >= 0 ? c : null,
                "option" when stack.Count > 0 && stack[^1].Name == "option" => stack.Count - 1,
                _ when HtmlTags.IsHeading(name) && stack.Count > 0 && HtmlTags.IsHeading(stack[^1].Name) => stack.Count - 1,
                _ => null,
            };
            if (sibling is { } s)
            {
                var stop = name is "td" or "th" or "tr" ? TopOf(HtmlTags.TableScope) : TopOf(HtmlTags.SpecialButAddressDivP);
                if (s >= stop)
                {
                    PopTo(s);
                }
            }

            if (name == "tr" && Top("tr") is { } row && row >= TopOf(HtmlTags.TableScope))
            {
                PopTo(row);
            }
        }

        private void Push(string name, bool foreign)
        {
            stack.Add((name, foreign));
            Index(name).Add(stack.Count - 1);
            if (HtmlTags.IsHeading(name))
            {
                Index(HtmlTags.HeadingKey).Add(stack.Count - 1);
            }

            foreach (var category in HtmlTags.Categories)
            {
                if (category.Members.Contains(name))
                {
                    Index(category.Key).Add(stack.Count - 1);
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
                RemoveLast(name);
                if (HtmlTags.IsHeading(name))
                {
                    RemoveLast(HtmlTags.HeadingKey);
                }

                foreach (var category in HtmlTags.Categories)
                {
                    if (category.Members.Contains(name))
                    {
                        RemoveLast(category.Key);
                    }
                }
            }

            TopIsHtml = stack.Count == 0 || !stack[^1].Foreign;
        }

        private void RemoveLast(string key)
        {
            var list = byName[key];
            list.RemoveAt(list.Count - 1);
        }

        private List<int> Index(string key)
        {
            if (!byName.TryGetValue(key, out var list))
            {
                byName[key] = list = [];
            }

            return list;
        }

        private int? Top(string key) => byName.TryGetValue(key, out var list) && list.Count > 0 ? list[^1] : null;

        private int TopOf(HtmlTags.Category category) => Top(category.Key) ?? -1;
    }
}
