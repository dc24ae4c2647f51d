using System.Text;
using System.Text.RegularExpressions;

namespace NewsEtl.Loading;

/// <summary>Finds the charset a page declares in <c>&lt;meta charset&gt;</c> or <c>&lt;meta http-equiv content="...charset=..."&gt;</c>.</summary>
internal static partial class MetaCharset
{
    // Browsers look at the first 1024 bytes; saved pages sometimes push the meta further down, so we allow 4 KB.
    private const int SearchBytes = 4096;

    public static string? Find(ReadOnlySpan<byte> bytes)
    {
        // Latin-1 keeps every byte as one char, so offsets and ASCII markup survive whatever the real charset is.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SearchBytes)]);
        foreach (Match tag in MetaTag().Matches(head))
        {
            var charset = CharsetParameter().Match(tag.Value);
            if (charset.Success)
            {
                return charset.Groups[1].Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"charset\s*=\s*[""']?\s*([A-Za-z0-9_.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();
}
