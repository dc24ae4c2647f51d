namespace NewsEtl.Model;

/// <summary>One input as the load stage found it: its bytes and what is known about them before decoding.</summary>
/// <param name="Source">The input's name: path relative to the input folder with '/' separators, plus '#record' for archive members.</param>
/// <param name="Bytes">The raw bytes (for archives: the member's payload, transfer and content encodings removed).</param>
/// <param name="Url">The page's URL when the container says it (WARC target URI, MHTML Content-Location, saved-from comment).</param>
/// <param name="HeaderCharset">The charset named by a transport header (HTTP Content-Type in WARC, MIME part header in MHTML), if any.</param>
/// <param name="MediaType">The media type the container declares, or one guessed from the file name.</param>
public sealed record RawInput(
    string Source,
    ReadOnlyMemory<byte> Bytes,
    string? Url,
    string? HeaderCharset,
    string MediaType)
{
    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/>.</summary>
    public string Sha256 { get; } = Hashing.Sha256Hex(Bytes.Span);
}
