using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>A WARC record as read back: its header fields and its block.</summary>
internal sealed record WarcTestRecord(string Version, IReadOnlyDictionary<string, string> Fields, byte[] Block)
{
    public string Type => Fields["WARC-Type"];

    /// <summary>For application/http blocks: the head (status or request line and headers) and the body after the blank line.</summary>
    public (string Head, byte[] Body) Http()
    {
        var split = Block.AsSpan().IndexOf("\r\n\r\n"u8);
        return (Encoding.Latin1.GetString(Block, 0, split + 2), Block[(split + 4)..]);
    }
}

/// <summary>A small, strict WARC reader: version line, fields, CRLF, exactly Content-Length bytes, CRLF CRLF.</summary>
internal static class WarcTestReader
{
    public static List<WarcTestRecord> ReadFile(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var all = new MemoryStream();
        gzip.CopyTo(all);
        return Parse(all.ToArray());
    }

    /// <summary>Decompresses one gzip member alone (bytes [start, end) of the file).</summary>
    public static List<WarcTestRecord> ReadMember(byte[] file, long start, long end)
    {
        using var gzip = new GZipStream(new MemoryStream(file, (int)start, (int)(end - start)), CompressionMode.Decompress);
        using var all = new MemoryStream();
        gzip.CopyTo(all);
        return Parse(all.ToArray());
    }

    public static List<WarcTestRecord> Parse(byte[] data)
    {
        var records = new List<WarcTestRecord>();
        var position = 0;
        while (position < data.Length)
        {
            var version = ReadLine(data, ref position);
            Assert.Equal("WARC/1.0", version);
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var line = ReadLine(data, ref position); line.Length > 0; line = ReadLine(data, ref position))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }

            var length = int.Parse(fields["Content-Length"], CultureInfo.InvariantCulture);
            var block = data[position..(position + length)];
            position += length;
            Assert.Equal("\r\n\r\n", Encoding.ASCII.GetString(data, position, 4));
            position += 4;
            records.Add(new WarcTestRecord(version, fields, block));
        }

        return records;
    }

    private static string ReadLine(byte[] data, ref int position)
    {
        var end = data.AsSpan(position).IndexOf("\r\n"u8);
        Assert.True(end >= 0, "a WARC header line must end in CRLF");
        var line = Encoding.UTF8.GetString(data, position, end);
        position += end + 2;
        return line;
    }
}
