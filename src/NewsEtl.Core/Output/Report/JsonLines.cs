using System.Buffers;
using System.Text;
using System.Text.Json;

namespace NewsEtl.Output.Report;

/// <summary>
/// Reads a JSON Lines file one line at a time, so memory holds one record however large the run. Lines are parsed
/// from their UTF-8 bytes as read, never turned into strings first: the report reads articles.jsonl twice, and a
/// line is mostly body text that the report does not keep.
/// </summary>
internal static class JsonLines
{
    private const int ChunkBytes = 1 << 16;

    /// <summary>Calls <paramref name="onRecord"/> with each readable line's record and its 0-based line number; returns the count of unreadable lines.</summary>
    /// <param name="wanted">When given, a line it turns down (looking at the raw bytes) is skipped without being parsed.</param>
    public static async Task<int> ReadAsync<T>(
        string path,
        Action<T, int> onRecord,
        CancellationToken cancellationToken,
        LineFilter? wanted = null)
        where T : class
    {
        var malformed = 0;
        await ForEachLineAsync(
            path,
            (line, number) =>
            {
                if (IsBlank(line) || (wanted is not null && !wanted(line)))
                {
                    return;
                }

                T? record;
                try
                {
                    record = JsonSerializer.Deserialize<T>(line, Json.Lines);
                }
                catch (JsonException)
                {
                    record = null;
                }

                if (record is null)
                {
                    malformed++;
                    return;
                }

                onRecord(record, number);
            },
            cancellationToken);
        return malformed;
    }

    /// <summary>
    /// The value of a line's first property when the line opens with <c>{"name":"value"</c> and the value needs no
    /// unescaping (as every line this tool writes does); otherwise null, and the caller should parse the line.
    /// </summary>
    public static string? LeadingString(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        // {"name":"
        if (line.Length < name.Length + 6 || line[0] != (byte)'{' || line[1] != (byte)'"'
            || !line.Slice(2, name.Length).SequenceEqual(name) || line[2 + name.Length] != (byte)'"'
            || line[3 + name.Length] != (byte)':' || line[4 + name.Length] != (byte)'"')
        {
            return null;
        }

        var value = line[(5 + name.Length)..];
        var end = value.IndexOfAny((byte)'"', (byte)'\\');
        return end < 0 || value[end] != (byte)'"' ? null : Encoding.UTF8.GetString(value[..end]);
    }

    private static async Task ForEachLineAsync(string path, LineAction onLine, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var filled = 0;
            var number = 0;
            var first = true;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One line longer than the buffer: grow it (a record is as large as its text).
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await file.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                var end = filled + read;
                var start = 0;
                if (first && end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF)
                {
                    start = 3;
                }

                first = first && end < 3;
                int newline;
                while ((newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
                {
                    onLine(buffer.AsSpan(start, newline), number++);
                    start += newline + 1;
                }

                if (read == 0)
                {
                    if (start < end)
                    {
                        onLine(buffer.AsSpan(start, end - start), number);
                    }

                    return;
                }

                buffer.AsSpan(start, end - start).CopyTo(buffer);
                filled = end - start;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.IndexOfAnyExcept(" \t\r"u8) < 0;

    /// <summary>Decides from a line's raw UTF-8 bytes whether it is worth parsing.</summary>
    public delegate bool LineFilter(ReadOnlySpan<byte> line);

    private delegate void LineAction(ReadOnlySpan<byte> line, int number);
}
