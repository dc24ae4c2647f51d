using System.Text;

namespace NewsEtl.Loading;

/// <summary>Reads the URL from the "saved from url" mark that Internet Explorer and Chrome put at the top of saved pages.</summary>
internal static class SavedFromComment
{
    private const int SearchBytes = 2048;

    // The mark looks like "<!-- saved from url=(0044)https://www.jiemian.com/article/3101780.html -->".
    // The number is meant to be the URL's length, but hand-edited pages get it wrong, so the URL ends at space or "-->".
    public static string? FindUrl(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SearchBytes)]);
        const string Marker = "saved from url=(";
        var at = head.IndexOf(Marker, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var lengthEnd = head.IndexOf(')', at + Marker.Length);
        if (lengthEnd < 0)
        {
            return null;
        }

        var end = head.IndexOf("-->", lengthEnd, StringComparison.Ordinal);
        var url = head[(lengthEnd + 1)..(end < 0 ? head.Length : end)].Trim();
        var space = url.IndexOfAny([' ', '\t', '\r', '\n']);
        url = space < 0 ? url : url[..space];
        return url.Length == 0 ? null : url;
    }
}
