using NewsEtl.Model;

namespace NewsEtl.Loading;

/// <summary>Reads a WARC stream one record at a time and turns each HTML response into a <see cref="LoadItem"/>.</summary>
internal sealed class WarcRecordSource(Stream stream, string source, long maxInputBytes)
{
    // Enough for any sane header block; a longer one means we are not looking at a WARC or HTTP header.
    private const int MaxHeaderBytes = 64 * 1024;

    // Records are separated by two line ends; thousands in a row are filler (or a decompression bomb), not a WARC.
    private const int MaxBlankLines = 1024;

    private readonly BufferedByteReader reader = new(stream);
    private int recordNumber;

    /// <summary>HTML response records met so far, loaded or rejected.</summary>
    public int HtmlRecords { get; private set; }

    /// <summary>WARC records seen so far, of any type.</summary>
    public int Records => recordNumber;

    /// <summary>The next HTML response as an input or a rejection; null at the end of the file. Skips every other record.</summary>
    /// <exception cref="WarcFormatException">The file is corrupt or cut off; nothing after this point can be read.</exception>
    public LoadItem? Next()
    {
        while (ReadHeader() is { } header)
        {
            if (header.Type != "response")
            {
                Skip(header.ContentLength); // warcinfo, request, metadata, revisit...: not pages
            }
            else if (ReadResponse(header) is { } item)
            {
                return item;
            }
        }

        return null;
    }

    private WarcRecordHeader? ReadHeader()
    {
        string? line;
        var blank = 0;
        do
        {
            line = reader.ReadLine(MaxHeaderBytes); // blank lines separate records
            if (line is { Length: 0 } && ++blank > MaxBlankLines)
            {
                throw new WarcFormatException($"corrupt WARC: more than {MaxBlankLines} blank lines after record {recordNumber}");
            }
        }
        while (line is { Length: 0 });

        if (line is null)
        {
            return null;
        }

        recordNumber++;
        if (!line.StartsWith("WARC/", StringComparison.Ordinal))
        {
            throw new WarcFormatException($"corrupt WARC: record {recordNumber} does not start with a 'WARC/' version line");
        }

        var lines = new List<string>();
        var headerBytes = line.Length;
        while (reader.ReadLine(MaxHeaderBytes) is { Length: > 0 } field)
        {
            // The whole block is bounded, not just each line: a header of a million short lines is not a WARC header.
            headerBytes += field.Length;
            if (headerBytes > MaxHeaderBytes)
            {
                throw new WarcFormatException($"corrupt WARC: record {recordNumber} has a header block longer than {MaxHeaderBytes} bytes");
            }

            lines.Add(field);
        }

        return WarcRecordHeader.From(MimeHeaders.FromLines(lines), recordNumber);
    }

    private LoadItem? ReadResponse(WarcRecordHeader header)
    {
        using var head = new MemoryStream();
        var headLength = Math.Min(header.ContentLength, MaxHeaderBytes);
        Expect(reader.Copy(headLength, head), headLength);
        var block = head.ToArray();
        var rest = header.ContentLength - headLength;

        // dns:, ftp: and other non-HTTP responses are not pages.
        if (!block.AsSpan().StartsWith("HTTP/"u8))
        {
            Skip(rest);
            return null;
        }

        var recordSource = source + "#" + (header.RecordId ?? $"record-{recordNumber}");
        if (!MimeHeaders.TryParse(block, out var http, out var bodyStart))
        {
            // Cannot tell whether it was a page, so say so rather than skip it unseen.
            Skip(rest);
            var why = rest > 0 ? $"HTTP headers longer than {MaxHeaderBytes} bytes" : "HTTP headers never end";
            return LoadItem.Reject(recordSource, $"corrupt HTTP response: {why}", isFailure: true);
        }

        if (ContentType.Parse(http["Content-Type"]) is not { IsHtml: true } contentType)
        {
            Skip(rest);
            return null;
        }

        HtmlRecords++;
        var bodyLength = block.Length - bodyStart + rest;
        if (bodyLength > maxInputBytes)
        {
            Skip(rest);
            return LoadItem.Reject(recordSource, $"HTTP body of {bodyLength} bytes exceeds MaxInputBytes ({maxInputBytes})", isFailure: false);
        }

        using var body = new MemoryStream((int)bodyLength);
        body.Write(block, bodyStart, block.Length - bodyStart);
        Expect(reader.Copy(rest, body), rest);

        var bytes = HttpBody.Decode(http, body.ToArray(), maxInputBytes, out var problem);
        if (bytes is null)
        {
            return LoadItem.Reject(recordSource, problem!, isFailure: true);
        }

        if (bytes.Length == 0)
        {
            return LoadItem.Reject(recordSource, "empty HTTP body", isFailure: false);
        }

        return LoadItem.Of(new RawInput(recordSource, bytes, header.TargetUri, contentType.Charset, contentType.MediaType));
    }

    private void Skip(long count) => Expect(reader.Copy(count, null), count);

    private void Expect(long got, long wanted)
    {
        if (got < wanted)
        {
            throw new WarcFormatException($"truncated WARC: record {recordNumber} ends after {got} of its {wanted} remaining bytes");
        }
    }
}
