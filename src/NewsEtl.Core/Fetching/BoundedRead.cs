using System.Buffers;

namespace NewsEtl.Fetching;

/// <summary>Reads a stream to its end, refusing to hold more than a limit.</summary>
internal static class BoundedRead
{
    public static async Task<byte[]> ReadAllAsync(Stream stream, int maxBytes, string limitName, long? expectedLength, CancellationToken cancellationToken)
    {
        var capacity = expectedLength is > 0 and var length && length <= maxBytes ? (int)length : 0;
        using var buffer = new MemoryStream(capacity);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    throw TooLarge(limitName, maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static FetchRefusedException TooLarge(string limitName, int maxBytes) =>
        new($"body larger than {limitName} ({maxBytes} bytes)");
}
