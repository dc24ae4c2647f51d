using System.IO.Compression;
using System.Text;

namespace NewsEtl.Core.Tests.Loading.Support;

/// <summary>Writes WARC/1.0 records as the spec lays them out: version line, headers, CRLF, block, CRLF CRLF.</summary>
public sealed class WarcWriter
{
    private readonly List<byte[]> records = [];
    private int next;

    public WarcWriter Warcinfo() =>
        Record("warcinfo", null, "application/warc-fields", Encoding.UTF8.GetBytes("software: test\r\nformat: WARC File Format 1.0\r\n"));

    public WarcWriter Request(string uri) =>
        Record("request", uri, "application/http; msgtype=request", Encoding.ASCII.GetBytes($"GET {new Uri(uri).PathAndQuery} HTTP/1.1\r\nHost: {new Uri(uri).Host}\r\n\r\n"));

    public WarcWriter Metadata(string uri) =>
        Record("metadata", uri, "application/warc-fields", Encoding.UTF8.GetBytes("outlinks: https://example.com/\r\n"));

    /// <summary>A response record whose block is the HTTP head (status line and headers) followed by the body bytes as given.</summary>
    public WarcWriter Response(string uri, string httpHeaders, byte[] body, string? recordId = null)
    {
        var head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\n" + httpHeaders + "\r\n");
        return Record("response", uri, "application/http; msgtype=response", [.. head, .. body], recordId);
    }

    public WarcWriter Record(string type, string? uri, string contentType, byte[] block, string? recordId = null)
    {
        var id = recordId ?? $"urn:uuid:00000000-0000-0000-0000-{++next:D12}";
        var header = new StringBuilder("WARC/1.0\r\n")
            .Append($"WARC-Type: {type}\r\n")
            .Append($"WARC-Record-ID: <{id}>\r\n")
            .Append("WARC-Date: 2019-05-07T08:00:00Z\r\n");
        if (uri is not null)
        {
            header.Append($"WARC-Target-URI: {uri}\r\n");
        }

        header.Append($"Content-Type: {contentType}\r\n").Append($"Content-Length: {block.Length}\r\n\r\n");
        records.Add([.. Encoding.UTF8.GetBytes(header.ToString()), .. block, .. "\r\n\r\n"u8]);
        return this;
    }

    public byte[] ToWarc() => [.. records.SelectMany(r => r)];

    /// <summary>One gzip member per record, concatenated: the usual .warc.gz layout.</summary>
    public byte[] ToWarcGz() => [.. records.SelectMany(Gzip)];

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>Frames a body as HTTP/1.1 chunked transfer coding, in chunks of <paramref name="size"/> bytes.</summary>
    public static byte[] Chunked(byte[] body, int size)
    {
        var output = new List<byte>();
        for (var i = 0; i < body.Length; i += size)
        {
            var chunk = body.AsSpan(i, Math.Min(size, body.Length - i));
            output.AddRange(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            output.AddRange(chunk.ToArray());
            output.AddRange("\r\n"u8.ToArray());
        }

        output.AddRange("0\r\n\r\n"u8.ToArray());
        return [.. output];
    }
}
