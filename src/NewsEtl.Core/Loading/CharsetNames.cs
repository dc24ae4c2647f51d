using System.Text;

namespace NewsEtl.Loading;

/// <summary>Maps the many labels pages use for a charset to one name, and names to decoders.</summary>
internal static class CharsetNames
{
    public const string Utf8 = "utf-8";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public const string Gbk = "gbk";
    public const string Big5 = "big5";

    /// <summary>The normalised name, or null when the label names no charset .NET can decode.</summary>
    public static string? Normalize(string? label)
    {
        var name = label?.Trim().Trim('"', '\'').Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return name switch
        {
            "utf-8" or "utf8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => Utf8,
            "gbk" or "gb2312" or "x-gbk" or "cp936" or "windows-936" or "ms936" or "gb_2312-80" or "csgb2312" or "iso-ir-58" or "chinese" or "euc-cn" => Gbk,
            "gb18030" => "gb18030",
            "big5" or "big5-hkscs" or "cn-big5" or "csbig5" or "x-x-big5" or "cp950" or "x-big5" => Big5,
            "utf-16" or "utf-16le" or "unicode" or "ucs-2" => Utf16Le,
            "utf-16be" or "unicodefffe" => Utf16Be,
            // WHATWG: these labels all mean windows-1252, which is what servers that say them actually send.
            "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows-1252" or "iso_8859-1" => "windows-1252",
            _ => ByDotNetName(name),
        };
    }

    public static bool IsUnicode(string charset) => charset is Utf8 or Utf16Le or Utf16Be;

    /// <summary>An encoding for a normalised name whose decoder reports invalid bytes to <paramref name="fallback"/>.</summary>
    public static Encoding Create(string charset, DecoderFallback fallback)
    {
        Encodings.EnsureRegistered();
        return charset switch
        {
            // GB18030 is a superset of GBK, so it decodes GBK pages and the odd character GBK lacks.
            Gbk or "gb18030" => Encoding.GetEncoding(54936, EncoderFallback.ReplacementFallback, fallback),
            Big5 => Encoding.GetEncoding(950, EncoderFallback.ReplacementFallback, fallback),
            Utf16Le => Encoding.GetEncoding(1200, EncoderFallback.ReplacementFallback, fallback),
            Utf16Be => Encoding.GetEncoding(1201, EncoderFallback.ReplacementFallback, fallback),
            _ => Encoding.GetEncoding(charset, EncoderFallback.ReplacementFallback, fallback),
        };
    }

    private static string? ByDotNetName(string name)
    {
        Encodings.EnsureRegistered();
        try
        {
            var webName = Encoding.GetEncoding(name).WebName.ToLowerInvariant();
            return webName == name ? webName : Normalize(webName);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
