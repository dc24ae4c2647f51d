using System.IO.Compression;

namespace NewsEtl.Fetching;

/// <summary>Removes the Content-Encoding (gzip, deflate, br) the fetcher asked for, within MaxDecompressedBytes.</summary>
internal static class ContentDecoder
{
    public static async Task<byte[]> DecodeAsync(byte[] body, string? contentEncoding, int maxBytes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(contentEncoding))
        {
            return body;
        }

        // "Content-Encoding: gzip, br" means gzip was applied first: undo them last to first.
        var codings = contentEncoding.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var data = body;
        for (var i = codings.Length - 1; i >= 0; i--)
        {
            var coding = codings[i].ToLowerInvariant();
            if (coding == "identity")
            {
                continue;
            }

            var input = new MemoryStream(data, writable: false);
            await using var decoder = Open(coding, input, data);
            try
            {
                data = await BoundedRead.ReadAllAsync(decoder, maxBytes, "MaxDecompressedBytes", null, cancellationToken);
            }
            catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
            {
                throw new FetchRefusedException($"corrupt {coding} body: {e.Message}");
            }
        }

        return data;
    }

    private static Stream Open(string coding, MemoryStream input, byte[] data) => coding switch
    {
        "gzip" or "x-gzip" => new GZipStream(input, CompressionMode.Decompress),
        "br" => new BrotliStream(input, CompressionMode.Decompress),
        // HTTP "deflate" is zlib-wrapped, but some servers send raw deflate: tell them apart by the zlib header.
        "deflate" => IsZlib(data) ? new ZLibStream(input, CompressionMode.Decompress) : new DeflateStream(input, CompressionMode.Decompress),
        _ => throw new FetchRefusedException($"unsupported Content-Encoding '{coding}'"),
    };

    private static bool IsZlib(byte[] data) =>
        data.Length >= 2 && (data[0] & 0x0F) == 8 && ((data[0] << 8) | data[1]) % 31 == 0;
}
