using System.IO.Compression;

namespace NewsEtl.Loading;

/// <summary>Streams the HTML responses out of a .warc or .warc.gz file; a cut-off or corrupt file ends with one failure.</summary>
internal static class WarcLoader
{
    public static IEnumerable<LoadItem> Load(string path, string source, LoadOptions options, CancellationToken cancellationToken)
    {
        Stream? stream = null;
        string? openProblem = null;
        try
        {
            stream = Open(path, options.MaxCompressionRatio);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openProblem = $"cannot read file: {e.Message}";
        }

        if (stream is null)
        {
            yield return LoadItem.Reject(source, openProblem!, isFailure: true);
            yield break;
        }

        using (stream)
        {
            var records = new WarcRecordSource(stream, source, options.MaxInputBytes);
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                LoadItem? item;
                string? fatal = null;
                try
                {
                    item = records.Next();
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    item = null;
                    fatal = Describe(e);
                }

                if (fatal is not null)
                {
                    yield return LoadItem.Reject(source, fatal, isFailure: true);
                    yield break;
                }

                if (item is null)
                {
                    break;
                }

                yield return item;
            }

            if (records.Records == 0)
            {
                // Bytes but not one record: a cut-off download or not a WARC at all.
                yield return LoadItem.Reject(source, "corrupt WARC: no record could be read (cut off or not a WARC file)", isFailure: true);
            }
            else if (records.HtmlRecords == 0)
            {
                yield return LoadItem.Reject(source, "no HTML response records", isFailure: false);
            }
        }
    }

    // Gzip is told by its magic bytes, not the name: a ".warc" may be compressed and a ".warc.gz" may not be.
    // GZipStream reads concatenated members, which is how .warc.gz stores one member per record.
    private static Stream Open(string path, int maxRatio)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            return read == 2 && magic[0] == 0x1F && magic[1] == 0x8B
                ? new InflateLimit(new GZipStream(file, CompressionMode.Decompress), file, maxRatio)
                : file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static string Describe(Exception e) => e switch
    {
        WarcFormatException => e.Message,
        InvalidDataException => $"corrupt gzip data in WARC: {e.Message}",
        IOException or UnauthorizedAccessException => $"cannot read file: {e.Message}",
        _ => $"unexpected error reading WARC: {e.Message}",
    };
}
