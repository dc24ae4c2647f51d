using System.Buffers;
using System.Text;
using AngleSharp.Dom;
using NewsEtl.Text;

namespace NewsEtl.Extraction.Html;

/// <summary>Text as a reader sees it: white space collapsed, invisible characters dropped.</summary>
internal static class HtmlText
{
    /// <summary>
    /// Whether any text node under <paramref name="root"/> has other than white space: what
    /// <c>!string.IsNullOrWhiteSpace(root.TextContent)</c> says, without concatenating the text.
    /// </summary>
    public static bool HasText(INode root)
    {
        // Children by index from an explicit stack: AngleSharp finds a node's next sibling by searching its parent's
        // children, which made walking a wide element quadratic.
        var pending = new Stack<INode>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var children = pending.Pop().ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                var node = children[i];
                if (node is IText text && !string.IsNullOrWhiteSpace(text.Data))
                {
                    return true;
                }

                if (node.HasChildNodes)
                {
                    pending.Push(node);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Collapses white space (&amp;nbsp; and the ideographic space included) to one space, drops invisible characters
    /// and trims. Inside a run of Latin-1 characters, the no-break space, the soft hyphen and NEL stay as they are:
    /// there they are bytes of text read in the wrong charset ("¾\u00ADÃ³" is GBK 经贸 read as Latin-1), and the
    /// repair needs every byte to read it back.
    /// </summary>
    public static string Normalize(string text)
    {
        // Written into a pooled buffer, and the text itself returned when nothing changed (most texts of a clean page).
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            var k = 0;
            var pending = false;
            var pendingHadBreak = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c is '\u00A0' or '\u00AD' or '\u0085' && BesideLatin1(text, i))
                {
                    if (pending)
                    {
                        buffer[k++] = ' ';
                    }

                    pending = false;
                    pendingHadBreak = false;
                    buffer[k++] = c;
                    continue;
                }

                if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
                {
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    pending = k > 0;
                    pendingHadBreak |= c is '\n' or '\r';
                    continue;
                }

                if (pending && !IsLayoutSpace(buffer[k - 1], c, pendingHadBreak))
                {
                    buffer[k++] = ' ';
                }

                pending = false;
                pendingHadBreak = false;
                buffer[k++] = c;
            }

            var normal = buffer.AsSpan(0, k);
            return normal.SequenceEqual(text) ? text : new string(normal);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when a character next to <paramref name="i"/> is a visible Latin-1 character above ASCII.</summary>
    private static bool BesideLatin1(string text, int i) =>
        (i > 0 && IsLatin1Visible(text[i - 1])) || (i + 1 < text.Length && IsLatin1Visible(text[i + 1]));

    private static bool IsLatin1Visible(char c) => c is > '\u00A0' and <= '\u00FF' && c != '\u00AD';

    public static string Of(IElement? element) => element is null ? string.Empty : Normalize(element.TextContent);

    public static string? OrNull(string text) => text.Length == 0 ? null : text;

    public static int CountHan(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (HanChar.IsHan(c))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Sentence punctuation a Chinese paragraph of real prose is full of and a link list lacks.</summary>
    public static int CountProsePunctuation(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            if (c is '，' or '。' or '、' or '；' or '：' or '？' or '！' or '“' or '”' or '（' or '）')
            {
                n++;
            }
        }

        return n;
    }

    // A source line break between two Chinese characters is layout, not a word space (CSS Text 3 segment breaks);
    // a space beside full-width punctuation ("没有车来，&nbsp;今年") is never read either.
    private static bool IsLayoutSpace(char before, char after, bool hadBreak) =>
        IsFullWidthPunctuation(before) || IsFullWidthPunctuation(after)
        || (hadBreak && IsCjk(before) && IsCjk(after));

    private static bool IsFullWidthPunctuation(char c) =>
        c is (>= '\u3001' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
            or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65');

    private static bool IsCjk(char c) => HanChar.IsHan(c) || HanChar.IsCjkPunctuation(c);
}
