using System.IO.Compression;

namespace NewsEtl.Loading;

/// <summary>Turns an HTTP message body as captured on the wire into the resource bytes: de-chunks, then undoes Content-Encoding.</summary>
internal static class HttpBody
{
    /// <summary>The decoded body, or null with a <paramref name="problem"/> (malformed, unsupported, or over <paramref name="maxBytes"/>).</summary>
    public static byte[]? Decode(MimeHeaders headers, byte[] body, long maxBytes, out string? problem)
    {
        problem = null;
        if (Tokens(headers["Transfer-Encoding"]).Contains("chunked") && LooksChunked(body))
        {
            body = Dechunk(body, out problem)!;
            if (problem is not null)
            {
                return null;
            }
        }

        // Encodings are listed in the order they were applied, so they come off in reverse.
        foreach (var coding in Tokens(headers["Content-Encoding"]).AsEnumerable().Reverse())
        {
            var decoded = coding switch
            {
                "identity" => body,
                "gzip" or "x-gzip" when !IsGzip(body) => body, // some archivers store the body already decoded
                "gzip" or "x-gzip" => Inflate(body, s => new GZipStream(s, CompressionMode.Decompress), maxBytes, coding, out problem),
                "deflate" => Inflate(body, s => IsZlib(body) ? new ZLibStream(s, CompressionMode.Decompress) : new DeflateStream(s, CompressionMode.Decompress), maxBytes, coding, out problem),
                "br" => Inflate(body, s => new BrotliStream(s, CompressionMode.Decompress), maxBytes, coding, out problem),
                _ => Unsupported(coding, out problem),
            };
            if (decoded is null)
            {
                return null;
            }

            body = decoded;
        }

        if (body.LongLength > maxBytes)
        {
            problem = $"HTTP body of {body.LongLength} bytes exceeds MaxInputBytes ({maxBytes})";
            return null;
        }

        return body;
    }

    private static List<string> Tokens(string? header) =>
        header is null ? [] : [.. header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => t.ToLowerInvariant())];

    private static byte[]? Unsupported(string coding, out string? problem)
    {
        problem = $"unsupported Content-Encoding '{coding}'";
        return null;
    }

    private static bool IsGzip(byte[] body) => body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;

    // RFC 1950 header: compression method 8 and a check value that makes the first two bytes a multiple of 31.
    // Servers that send "deflate" without it (raw RFC 1951) are common enough to allow.
    private static bool IsZlib(byte[] body) => body.Length >= 2 && (body[0] & 0x0F) == 8 && ((body[0] << 8) | body[1]) % 31 == 0;

    private static byte[]? Inflate(byte[] body, Func<Stream, Stream> open, long maxBytes, string coding, out string? problem)
    {
        problem = null;
        try
        {
            using var decompressor = open(new MemoryStream(body, writable: false));
            using var output = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = decompressor.Read(chunk, 0, chunk.Length)) > 0)
            {
                // Checked while inflating: a small bomb must not get the chance to fill memory.
                if (output.Length + read > maxBytes)
                {
                    problem = $"body decoded from Content-Encoding {coding} exceeds MaxInputBytes ({maxBytes})";
                    return null;
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException)
        {
            // Brotli reports bad data as InvalidOperationException, gzip and deflate as InvalidDataException.
            problem = $"cannot decode Content-Encoding {coding}: {e.Message}";
            return null;
        }
    }

    private static bool LooksChunked(byte[] body)
    {
        var newline = Array.IndexOf(body, (byte)'\n');
        return newline > 0 && TryChunkSize(body.AsSpan(0, newline), out _);
    }

    private static byte[]? Dechunk(byte[] body, out string? problem)
    {
        problem = null;
        using var output = new MemoryStream(body.Length);
        var position = 0;
        while (true)
        {
            var newline = Array.IndexOf(body, (byte)'\n', position);
            if (newline < 0 || !TryChunkSize(body.AsSpan(position, newline - position), out var size))
            {
                problem = "malformed chunked body: a chunk size line is missing or not hexadecimal";
                return null;
            }

            position = newline + 1;
            if (size == 0)
            {
                return output.ToArray(); // trailers after the last chunk carry nothing we use
            }

            if (size > body.Length - position)
            {
                problem = "malformed chunked body: the last chunk is cut off";
                return null;
            }

            output.Write(body, position, (int)size);
            position += (int)size;
            position += body.AsSpan(position).StartsWith("\r\n"u8) ? 2 : body.AsSpan(position).StartsWith("\n"u8) ? 1 : 0;
        }
    }

    private static bool TryChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        var semicolon = line.IndexOf((byte)';');
        var digits = System.Text.Encoding.ASCII.GetString(semicolon < 0 ? line : line[..semicolon]).Trim();
        return long.TryParse(digits, System.Globalization.NumberStyles.AllowHexSpecifier, null, out size) && digits.Length > 0 && size >= 0;
    }
}
