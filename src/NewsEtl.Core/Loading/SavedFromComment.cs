using System.Text;

namespace NewsEtl.Loading;

/// <summary>Reads the URL from the "saved from url" mark that Internet Explorer and Chrome put at the top of saved pages.</summary>
internal static class SavedFromComment
{
    private const int SearchBytes = 2048;

    // The mark looks like "<!-- saved from url=(0043)https://www.jiemian.com/article/3101780.html -->";
    // the number is the URL's length, which lets us stop exactly even if the URL were followed by junk.
    public static string? FindUrl(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SearchBytes)]);
        const string Marker = "saved from url=(";
        var at = head.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var lengthStart = at + Marker.Length;
        var lengthEnd = head.IndexOf(')', lengthStart);
        if (lengthEnd < 0)
        {
            return null;
        }

        var urlStart = lengthEnd + 1;
        var end = head.IndexOf("-->", urlStart, StringComparison.Ordinal);
        end = end < 0 ? head.Length : end;
        var url = head[urlStart..end].Trim();
        if (int.TryParse(head.AsSpan(lengthStart, lengthEnd - lengthStart), out var length) && length > 0 && length <= url.Length)
        {
            url = url[..length];
        }

        var space = url.IndexOfAny([' ', '\t', '\r', '\n']);
        url = space < 0 ? url : url[..space];
        return url.Length == 0 ? null : url;
    }
}
