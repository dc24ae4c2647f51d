using System.Text;

namespace NewsEtl.Loading;

/// <summary>Reads lines and counted blocks from a forward-only stream (a gzip stream cannot seek), one buffer at a time.</summary>
internal sealed class BufferedByteReader(Stream stream)
{
    private readonly byte[] buffer = new byte[64 * 1024];
    private int position;
    private int length;

    /// <summary>True once the stream has no more bytes.</summary>
    public bool AtEnd => !Fill();

    /// <summary>Reads one line without its CR LF; null at the end of the stream. A line over <paramref name="maxBytes"/> is corrupt data.</summary>
    public string? ReadLine(int maxBytes)
    {
        using var line = new MemoryStream();
        while (Fill())
        {
            var span = buffer.AsSpan(position, length - position);
            var newline = span.IndexOf((byte)'\n');
            var take = newline < 0 ? span.Length : newline;
            if (line.Length + take > maxBytes)
            {
                throw new WarcFormatException($"a header line is longer than {maxBytes} bytes");
            }

            line.Write(span[..take]);
            position += newline < 0 ? take : take + 1;
            if (newline >= 0)
            {
                return Decode(line);
            }
        }

        return line.Length == 0 ? null : Decode(line);
    }

    /// <summary>Copies up to <paramref name="count"/> bytes to <paramref name="destination"/> (or skips them when null); returns how many there were.</summary>
    public long Copy(long count, Stream? destination)
    {
        var done = 0L;
        while (done < count && Fill())
        {
            var take = (int)Math.Min(count - done, length - position);
            destination?.Write(buffer, position, take);
            position += take;
            done += take;
        }

        return done;
    }

    private static string Decode(MemoryStream line)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (bytes.Length > 0 && bytes[^1] == '\r')
        {
            bytes = bytes[..^1];
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private bool Fill()
    {
        if (position < length)
        {
            return true;
        }

        position = 0;
        length = stream.Read(buffer, 0, buffer.Length);
        return length > 0;
    }
}
