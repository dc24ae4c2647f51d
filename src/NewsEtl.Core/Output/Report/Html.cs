using System.Buffers;

namespace NewsEtl.Output.Report;

/// <summary>HTML escaping for text and attribute values: everything from the data goes through here.</summary>
internal static class Html
{
    private static readonly SearchValues<char> Special = SearchValues.Create(
        "&<>\"'\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F"
        + "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\u007F");

    /// <summary>Writes <paramref name="text"/> escaped for element content or a quoted attribute value.</summary>
    /// <param name="visibleWhitespace">Show line breaks and tabs as arrows (inside a diff, where they are the change).</param>
    public static void Write(TextWriter writer, ReadOnlySpan<char> text, bool visibleWhitespace = false)
    {
        while (!text.IsEmpty)
        {
            var i = text.IndexOfAny(Special);
            if (i < 0)
            {
                writer.Write(text);
                return;
            }

            writer.Write(text[..i]);
            writer.Write(Replacement(text[i], visibleWhitespace));
            text = text[(i + 1)..];
        }
    }

    public static string Escape(string text)
    {
        using var writer = new StringWriter();
        Write(writer, text);
        return writer.ToString();
    }

    private static string Replacement(char c, bool visibleWhitespace) => c switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        '\n' => visibleWhitespace ? "↵\n" : "\n",
        '\t' => visibleWhitespace ? "⇥" : "\t",
        '\r' => visibleWhitespace ? "␍" : string.Empty,
        '\u007F' => "␡",
        // Other C0 controls are not allowed in HTML text: show their control picture (U+2400 block) instead.
        _ => ((char)(0x2400 + c)).ToString(),
    };
}
