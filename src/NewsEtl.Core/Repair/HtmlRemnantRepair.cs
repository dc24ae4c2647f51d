using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NewsEtl.Repair;

/// <summary>
/// Markup that leaked into text: whole tags ("&lt;/p&gt;"), tags whose '&lt;' a decoder swallowed ("/p&gt;"),
/// and entities left encoded once or twice ("&amp;nbsp;", "&amp;amp;").
/// </summary>
internal static partial class HtmlRemnantRepair
{
    public static RepairResult Apply(string text)
    {
        if (text.IndexOf('>', StringComparison.Ordinal) < 0 && text.IndexOf('&', StringComparison.Ordinal) < 0)
        {
            return RepairResult.Unchanged(text);
        }

        var edits = new List<TextEdit>();
        var output = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Remnant().Matches(text))
        {
            output.Append(text, last, m.Index - last);
            var replacement = m.Groups["entity"].Success ? Entity(m.Value) : string.Empty;
            if (replacement is null)
            {
                output.Append(m.Value);
            }
            else
            {
                edits.Add(new TextEdit("html-remnant", output.Length, m.Value, replacement, 1.0));
                output.Append(replacement);
            }

            last = m.Index + m.Length;
        }

        output.Append(text, last, text.Length - last);
        return edits.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(output.ToString(), edits, []);
    }

    /// <summary>The character an entity stands for, decoding "&amp;amp;" chains; null when it is not an entity.</summary>
    private static string? Entity(string value)
    {
        var decoded = value;
        for (var round = 0; round < 3 && decoded.Contains('&', StringComparison.Ordinal); round++)
        {
            var next = WebUtility.HtmlDecode(decoded);
            if (string.Equals(next, decoded, StringComparison.Ordinal))
            {
                break;
            }

            decoded = next;
        }

        if (string.Equals(decoded, value, StringComparison.Ordinal))
        {
            return null;
        }

        // A non-breaking space in running text is a space.
        return decoded.Replace('\u00A0', ' ');
    }

    // Known tag names only, so "a<b>c" in prose and "x/y>" arrows are not taken for markup.
    [GeneratedRegex(
        @"</?(?:p|div|span|br|hr|h[1-6]|li|ul|ol|td|tr|th|table|strong|em|b|i|u|a|img|font|section|article|figure|figcaption|blockquote)\b[^<>]{0,200}/?>"
        + @"|(?<![<\w])/(?:p|div|span|h[1-6]|li|td|strong|em|b|a|section|article)>"
        + @"|(?<entity>&(?:amp;)*(?:[a-zA-Z]{2,8}|#[0-9]{2,7}|#x[0-9a-fA-F]{2,6});)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Remnant();
}
