using NewsEtl.Model;

namespace NewsEtl.Loading;

/// <summary>Turns a loaded input into text: decides the charset (BOM, header, valid UTF-8, meta, statistics) and decodes once.</summary>
public static class PageDecoder
{
    public static DecodedPage Decode(RawInput input)
    {
        Encodings.EnsureRegistered();
        var bytes = input.Bytes.Span;
        var (charset, reason) = CharsetDetector.Decide(bytes, input.HeaderCharset);
        var (text, invalid) = TextDecoding.Decode(bytes, charset, skipByteOrderMark: true);

        return new DecodedPage(input, FormatOf(input.MediaType), text, new CharsetDecision(charset, reason, invalid));
    }

    private static PageFormat FormatOf(string mediaType) =>
        ContentType.Parse(mediaType)?.MediaType == "text/plain" ? PageFormat.Text : PageFormat.Html;
}
