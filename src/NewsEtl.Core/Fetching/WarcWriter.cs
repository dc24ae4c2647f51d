using System.IO.Compression;
using System.Text;

namespace NewsEtl.Fetching;

/// <summary>
/// Writes fetched pages to a WARC/1.0 file (<c>.warc.gz</c>, one gzip member per record): a warcinfo record,
/// then a request and a response record per page. Records are written to "&lt;path&gt;.partial" and the file is
/// renamed to its final name on dispose, so a reader never sees a half-written file.
/// </summary>
/// <remarks>
/// Response records hold the status line and headers as received (Transfer-Encoding dropped, as the body is
/// stored de-chunked) and the body still content-encoded. WARC-Payload-Digest and WARC-Block-Digest use the
/// conventional "sha1:BASE32" form. Only responses that became pages are archived; robots.txt, redirects,
/// failures and 304s are not.
/// </remarks>
public sealed class WarcWriter : IAsyncDisposable
{
    private readonly FileStream _file;
    private readonly string _partialPath;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<long> _memberOffsets = [];
    private bool _disposed;

    private WarcWriter(string path, FileStream file, TimeProvider timeProvider)
    {
        Path = path;
        _partialPath = file.Name;
        _file = file;
        _timeProvider = timeProvider;
    }

    /// <summary>The file's final name (it exists under that name only after dispose).</summary>
    public string Path { get; }

    /// <summary>Records written so far, warcinfo included.</summary>
    public int RecordCount { get; private set; }

    /// <summary>Where each record's gzip member starts in the file, for tests and index builders.</summary>
    internal IReadOnlyList<long> MemberOffsets => _memberOffsets;

    /// <summary>The conventional place of a run's archive: <c>&lt;outputDirectory&gt;/raw/&lt;name&gt;.warc.gz</c>.</summary>
    public static string PathFor(string outputDirectory, string name) =>
        System.IO.Path.Combine(outputDirectory, "raw", name + ".warc.gz");

    /// <summary>Starts a WARC file at <paramref name="path"/> (created with its folder; replaced on dispose if it exists) and writes its warcinfo record.</summary>
    public static async Task<WarcWriter> CreateAsync(string path, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var file = new FileStream(full + ".partial", FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024, useAsync: true);
        var writer = new WarcWriter(full, file, timeProvider ?? TimeProvider.System);
        try
        {
            await writer.WriteInfoAsync(cancellationToken);
            return writer;
        }
        catch
        {
            await writer.DisposeAsync();
            throw;
        }
    }

    internal async Task WriteAsync(WarcExchange exchange, CancellationToken cancellationToken)
    {
        var requestId = WarcRecord.NewId();
        var responseId = WarcRecord.NewId();
        var date = WarcRecord.Date(exchange.Date);
        var target = exchange.TargetUri.AbsoluteUri;
        var response = WarcRecord.Build(
            [
                ("WARC-Type", "response"),
                ("WARC-Record-ID", responseId),
                ("WARC-Date", date),
                ("WARC-Target-URI", target),
                ("WARC-Concurrent-To", requestId),
                ("WARC-Payload-Digest", WarcRecord.Sha1(exchange.Body)),
                ("Content-Type", "application/http;msgtype=response"),
            ],
            [.. exchange.ResponseHead, .. exchange.Body]);
        var request = WarcRecord.Build(
            [
                ("WARC-Type", "request"),
                ("WARC-Record-ID", requestId),
                ("WARC-Date", date),
                ("WARC-Target-URI", target),
                ("WARC-Concurrent-To", responseId),
                ("Content-Type", "application/http;msgtype=request"),
            ],
            exchange.RequestHead);
        await AppendAsync([request, response], cancellationToken);
    }

    /// <summary>Finishes the file and gives it its final name.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _file.FlushAsync();
            await _file.DisposeAsync();
            File.Move(_partialPath, Path, overwrite: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task WriteInfoAsync(CancellationToken cancellationToken)
    {
        var version = typeof(WarcWriter).Assembly.GetName().Version?.ToString(3) ?? "0";
        var fields = $"software: NewsEtl/{version}\r\nformat: WARC File Format 1.0\r\n"
            + "conformsTo: http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf\r\n";
        var info = WarcRecord.Build(
            [
                ("WARC-Type", "warcinfo"),
                ("WARC-Record-ID", WarcRecord.NewId()),
                ("WARC-Date", WarcRecord.Date(_timeProvider.GetUtcNow())),
                ("WARC-Filename", System.IO.Path.GetFileName(Path)),
                ("Content-Type", "application/warc-fields"),
            ],
            Encoding.UTF8.GetBytes(fields));
        return AppendAsync([info], cancellationToken);
    }

    // Each record is compressed alone, then the pair is appended under the lock; if the append fails the file is
    // cut back to its last whole record, so what gets renamed never ends in a torn member.
    private async Task AppendAsync(byte[][] records, CancellationToken cancellationToken)
    {
        var members = records.Select(Compress).ToArray();
        await _gate.WaitAsync(cancellationToken);
        var start = _file.Position;
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var offsets = new List<long>();
            foreach (var member in members)
            {
                offsets.Add(_file.Position);
                await _file.WriteAsync(member, CancellationToken.None);
            }

            await _file.FlushAsync(CancellationToken.None);
            _memberOffsets.AddRange(offsets);
            RecordCount += members.Length;
        }
        catch
        {
            if (!_disposed)
            {
                _file.SetLength(start);
                _file.Position = start;
            }

            throw;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static byte[] Compress(byte[] record)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(record);
        }

        return output.ToArray();
    }
}
