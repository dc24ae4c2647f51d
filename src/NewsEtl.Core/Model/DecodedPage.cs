namespace NewsEtl.Model;

/// <summary>How the load stage chose a charset, kept for the run report.</summary>
/// <param name="Charset">The charset used (WHATWG name, e.g. "utf-8", "gbk", "big5").</param>
/// <param name="Reason">Which rule decided: "bom", "header", "utf8-valid", "meta", "statistical", "default".</param>
/// <param name="InvalidSequences">Byte sequences the chosen decoder could not map (each became U+FFFD).</param>
public sealed record CharsetDecision(string Charset, string Reason, int InvalidSequences);

/// <summary>The kind of document the extractor will see.</summary>
public enum PageFormat
{
    Html,
    Text,
}

/// <summary>An input decoded to text, ready for extraction.</summary>
public sealed record DecodedPage(
    RawInput Input,
    PageFormat Format,
    string Text,
    CharsetDecision Charset)
{
    public string Source => Input.Source;
}
