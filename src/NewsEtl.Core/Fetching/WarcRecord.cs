using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsEtl.Fetching;

/// <summary>Lays out one WARC/1.0 record: version line, named fields, CRLF, the block, CRLF CRLF.</summary>
internal static class WarcRecord
{
    public static string NewId() => $"<urn:uuid:{Guid.NewGuid():D}>";

    public static string Date(DateTimeOffset date) =>
        date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>"sha1:" + base32, the digest form WARC tools (warcio, pywb, Heritrix) write and check.</summary>
#pragma warning disable CA5350 // SHA-1 is a content fingerprint here, the WARC convention, not a security check.
    public static string Sha1(ReadOnlySpan<byte> data) => "sha1:" + Base32.Encode(SHA1.HashData(data));
#pragma warning restore CA5350

    /// <summary>The record's bytes; WARC-Block-Digest and Content-Length are computed here from the block.</summary>
    public static byte[] Build(IEnumerable<(string Name, string Value)> fields, ReadOnlySpan<byte> block)
    {
        var head = new StringBuilder("WARC/1.0\r\n");
        foreach (var (name, value) in fields)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("WARC-Block-Digest: ").Append(Sha1(block)).Append("\r\n")
            .Append("Content-Length: ").Append(block.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var record = new byte[headBytes.Length + block.Length + 4];
        headBytes.CopyTo(record, 0);
        block.CopyTo(record.AsSpan(headBytes.Length));
        "\r\n\r\n"u8.CopyTo(record.AsSpan(headBytes.Length + block.Length));
        return record;
    }
}
