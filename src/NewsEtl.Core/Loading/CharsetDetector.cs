using System.Text;
using System.Text.Unicode;

namespace NewsEtl.Loading;

/// <summary>Decides which charset a page's bytes are in, and which rule decided.</summary>
internal static class CharsetDetector
{
    public static (string Charset, string Reason) Decide(ReadOnlySpan<byte> bytes, string? headerCharset)
    {
        if (Bom(bytes) is { } bomCharset)
        {
            return (bomCharset, "bom");
        }

        var hasNonAscii = !Ascii.IsValid(bytes);
        var utf8WithNonAscii = hasNonAscii && Utf8.IsValid(bytes);
        if (CharsetNames.Normalize(headerCharset) is { } header)
        {
            // Servers keep sending "gbk" after a site moves to UTF-8; multi-byte UTF-8 that validates is
            // practically never legacy-encoded text by chance, so the bytes win over the header.
            return !CharsetNames.IsUnicode(header) && utf8WithNonAscii
                ? (CharsetNames.Utf8, $"utf8-valid (header said {header})")
                : (header, "header");
        }

        if (utf8WithNonAscii)
        {
            return (CharsetNames.Utf8, "utf8-valid");
        }

        if (CharsetNames.Normalize(MetaCharset.Find(bytes)) is { } meta)
        {
            // WHATWG: a UTF-16 meta in bytes that are not UTF-16 (no BOM) can only mean UTF-8.
            return (CharsetNames.IsUnicode(meta) ? CharsetNames.Utf8 : meta, "meta");
        }

        return hasNonAscii ? (HanStatistics.Choose(bytes), "statistical") : (CharsetNames.Utf8, "ascii");
    }

    private static string? Bom(ReadOnlySpan<byte> bytes) => bytes switch
    {
        [0xEF, 0xBB, 0xBF, ..] => CharsetNames.Utf8,
        [0xFF, 0xFE, ..] => CharsetNames.Utf16Le,
        [0xFE, 0xFF, ..] => CharsetNames.Utf16Be,
        _ => null,
    };
}
