namespace NewsEtl.Loading;

/// <summary>The named fields of one WARC record header (ISO 28500) that the loader uses.</summary>
internal sealed record WarcRecordHeader(string Type, string? RecordId, string? TargetUri, long ContentLength)
{
    public static WarcRecordHeader From(MimeHeaders headers, int recordNumber)
    {
        var lengthText = headers["Content-Length"];
        if (!long.TryParse(lengthText, out var contentLength) || contentLength < 0)
        {
            throw new WarcFormatException($"corrupt WARC: record {recordNumber} has no valid Content-Length ('{lengthText}')");
        }

        return new WarcRecordHeader(
            (headers["WARC-Type"] ?? "").ToLowerInvariant(),
            Unbracket(headers["WARC-Record-ID"]),
            Unbracket(headers["WARC-Target-URI"]),
            contentLength);
    }

    // WARC/1.0 writes "<urn:uuid:...>" for record ids; some writers also bracket the target URI.
    private static string? Unbracket(string? value)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: >= 2 } && trimmed[0] == '<' && trimmed[^1] == '>')
        {
            trimmed = trimmed[1..^1];
        }

        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
