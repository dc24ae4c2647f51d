using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class WarcWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("newsetl-warc-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Fetch_WithArchive_WritesWarcinfoThenARequestResponsePairPerPage()
    {
        await using var site = await TestSite.StartAsync();
        var page = Encoding.UTF8.GetBytes(JiemianPages.Article(1));
        var gzipped = Gzip(page);
        site.Map("/article/1.html", Respond.Bytes(page, "text/html; charset=utf-8", r => r.Headers.ETag = "\"a1\""));
        site.Map("/article/2.html", Respond.Bytes(gzipped, "text/html; charset=utf-8", r => r.Headers.ContentEncoding = "gzip"));
        await using var clock = new TestClock();
        var path = WarcWriter.PathFor(_folder, "run-1");
        var archive = await WarcWriter.CreateAsync(path, clock, CancellationToken.None);
        await using (var fetcher = new PageFetcher(FetchTestKit.Options with { Concurrency = 1 }, clock, archive: archive))
        {
            var results = await FetchTestKit.FetchAllAsync(
                fetcher, site.Url("/article/1.html"), site.Url("/article/2.html"), site.Url("/missing.html"));
            Assert.Equal([FetchStatus.Fetched, FetchStatus.Fetched, FetchStatus.Rejected], results.Select(r => r.Status));
        }

        await archive.DisposeAsync();

        Assert.Equal(Path.Combine(_folder, "raw", "run-1.warc.gz"), path);
        var records = WarcTestReader.ReadFile(path);
        Assert.Equal(["warcinfo", "request", "response", "request", "response"], records.Select(r => r.Type));
        Assert.All(records, r => Assert.Matches("^<urn:uuid:[0-9a-f-]{36}>$", r.Fields["WARC-Record-ID"]));
        Assert.All(records, r => Assert.Equal("2025-03-01T08:00:00Z", r.Fields["WARC-Date"]));
        Assert.All(records, r => Assert.Equal(Sha1Base32(r.Block), r.Fields["WARC-Block-Digest"]));
        Assert.Equal("run-1.warc.gz", records[0].Fields["WARC-Filename"]);
        Assert.Equal("application/warc-fields", records[0].Fields["Content-Type"]);
        Assert.Contains("format: WARC File Format 1.0\r\n", Encoding.UTF8.GetString(records[0].Block), StringComparison.Ordinal);

        for (var i = 1; i < records.Count; i += 2)
        {
            var (request, response) = (records[i], records[i + 1]);
            Assert.Equal(request.Fields["WARC-Target-URI"], response.Fields["WARC-Target-URI"]);
            Assert.Equal(request.Fields["WARC-Record-ID"], response.Fields["WARC-Concurrent-To"]);
            Assert.Equal(response.Fields["WARC-Record-ID"], request.Fields["WARC-Concurrent-To"]);
            Assert.Equal("application/http;msgtype=request", request.Fields["Content-Type"]);
            Assert.Equal("application/http;msgtype=response", response.Fields["Content-Type"]);
        }

        Assert.Equal(site.Url("/article/1.html").AbsoluteUri, records[2].Fields["WARC-Target-URI"]);
        var (requestHead, _) = records[1].Http();
        Assert.StartsWith("GET /article/1.html HTTP/1.1\r\nHost: 127.0.0.1:", requestHead, StringComparison.Ordinal);
        Assert.Contains($"User-Agent: {FetchOptions.DefaultUserAgent}\r\n", requestHead, StringComparison.Ordinal);

        var (head1, body1) = records[2].Http();
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", head1, StringComparison.Ordinal);
        Assert.Contains("ETag: \"a1\"\r\n", head1, StringComparison.Ordinal);
        Assert.Equal(page, body1);
        Assert.Equal(Sha1Base32(page), records[2].Fields["WARC-Payload-Digest"]);

        // The second page is stored as received: still gzip, with its Content-Encoding header.
        var (head2, body2) = records[4].Http();
        Assert.Contains("Content-Encoding: gzip\r\n", head2, StringComparison.Ordinal);
        Assert.Equal(gzipped, body2);
        Assert.Equal(Sha1Base32(gzipped), records[4].Fields["WARC-Payload-Digest"]);
    }

    [Fact]
    public async Task Write_EachRecordIsItsOwnGzipMember()
    {
        var path = Path.Combine(_folder, "members.warc.gz");
        var archive = await WarcWriter.CreateAsync(path, cancellationToken: CancellationToken.None);
        await archive.WriteAsync(Exchange("/a", "<p>一</p>"), CancellationToken.None);
        await archive.WriteAsync(Exchange("/b", "<p>二</p>"), CancellationToken.None);
        var offsets = archive.MemberOffsets.ToArray();
        Assert.Equal(5, archive.RecordCount);
        await archive.DisposeAsync();

        var file = await File.ReadAllBytesAsync(path);
        Assert.Equal(5, offsets.Length);
        var bounds = offsets.Append(file.Length).ToArray();
        for (var i = 0; i < offsets.Length; i++)
        {
            Assert.Equal(0x1f, file[offsets[i]]);
            Assert.Equal(0x8b, file[offsets[i] + 1]);
            Assert.Single(WarcTestReader.ReadMember(file, bounds[i], bounds[i + 1]));
        }
    }

    [Fact]
    public async Task Dispose_RenamesThePartialFile_SoReadersNeverSeeHalfAFile()
    {
        var path = Path.Combine(_folder, "raw", "atomic.warc.gz");
        var archive = await WarcWriter.CreateAsync(path, cancellationToken: CancellationToken.None);
        await archive.WriteAsync(Exchange("/a", "<p>x</p>"), CancellationToken.None);

        Assert.False(File.Exists(path));
        Assert.True(File.Exists(path + ".partial"));
        Assert.Equal(Path.GetFullPath(path), archive.Path);

        await archive.DisposeAsync();

        Assert.True(File.Exists(path));
        Assert.False(File.Exists(path + ".partial"));
        Assert.Equal(3, WarcTestReader.ReadFile(path).Count);
    }

    [Fact]
    public async Task Write_ResponseBlock_IsHeadThenBodyWithExactContentLength()
    {
        var path = Path.Combine(_folder, "exact.warc.gz");
        var archive = await WarcWriter.CreateAsync(path, cancellationToken: CancellationToken.None);
        await archive.WriteAsync(Exchange("/c", "<p>界面</p>"), CancellationToken.None);
        await archive.DisposeAsync();

        var response = WarcTestReader.ReadFile(path)[2];
        var expected = Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n")
            .Concat(Encoding.UTF8.GetBytes("<p>界面</p>")).ToArray();
        Assert.Equal(expected, response.Block);
        Assert.Equal(expected.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), response.Fields["Content-Length"]);
    }

    private static WarcExchange Exchange(string path, string html) => new(
        new Uri("https://www.jiemian.com" + path),
        new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero),
        Encoding.Latin1.GetBytes($"GET {path} HTTP/1.1\r\nHost: www.jiemian.com\r\n\r\n"),
        Encoding.Latin1.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"),
        Encoding.UTF8.GetBytes(html));

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

#pragma warning disable CA5350 // the WARC convention, checked here
    private static string Sha1Base32(byte[] data) => "sha1:" + Base32.Encode(SHA1.HashData(data));
#pragma warning restore CA5350
}
