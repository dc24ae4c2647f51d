namespace NewsEtl.Loading;

/// <summary>
/// Reads a decompressing stream and stops it once it has produced more than <c>maxRatio</c> times the compressed
/// bytes read from <paramref name="compressed"/> (past a floor), so a small .warc.gz cannot keep a run inflating for hours.
/// </summary>
internal sealed class InflateLimit(Stream inflated, Stream compressed, int maxRatio) : Stream
{
    /// <summary>Below this, any ratio is allowed: a few hundred MiB inflate in about a second.</summary>
    private const long FloorBytes = 256L * 1024 * 1024;

    private long total;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inflated.Read(buffer);
        total += read;
        if (total > FloorBytes && total > compressed.Position * maxRatio)
        {
            throw new WarcFormatException(
                $"decompression bomb: {total} bytes inflated from {compressed.Position} compressed bytes (more than MaxCompressionRatio {maxRatio}:1)");
        }

        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflated.Dispose();
        }

        base.Dispose(disposing);
    }
}
