using System.IO.Compression;
using System.Text;
using NewsEtl.Core.Tests.Loading.Support;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class WarcLoadingTests : IDisposable
{
    private const string Url1 = "https://www.jiemian.com/article/3101780.html";
    private const string Url2 = "https://www.jiemian.com/article/3102726.html";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<LoadItem> Load(string name, byte[] bytes, LoadOptions? options = null)
    {
        folder.Write(name, bytes);
        return [.. new InputScanner(options).Scan(folder.Root)];
    }

    private static WarcWriter Crawl()
    {
        var page1 = Samples.Utf8(Samples.Html(Samples.Simplified));
        var page2 = Samples.Gbk(Samples.Html(Samples.Simplified));
        return new WarcWriter()
            .Warcinfo()
            .Request(Url1)
            .Response(Url1, $"Content-Type: text/html; charset=utf-8\r\nContent-Length: {page1.Length}\r\n", page1, "urn:uuid:page-1")
            .Metadata(Url1)
            .Response("https://img.jiemian.com/logo.png", "Content-Type: image/png\r\n", [0x89, 0x50, 0x4E, 0x47])
            .Request(Url2)
            .Response(Url2, "Content-Type: application/xhtml+xml;charset=GBK\r\n", page2, "urn:uuid:page-2");
    }

    [Fact]
    public void Load_PlainWarc_YieldsOneInputPerHtmlResponse()
    {
        var items = Load("crawl.warc", Crawl().ToWarc());

        Assert.Equal(["crawl.warc#urn:uuid:page-1", "crawl.warc#urn:uuid:page-2"], items.Select(i => i.Source));
        var first = items[0].Input!;
        var second = items[1].Input!;
        Assert.Equal(Url1, first.Url);
        Assert.Equal("utf-8", first.HeaderCharset);
        Assert.Equal("text/html", first.MediaType);
        Assert.Equal(Samples.Utf8(Samples.Html(Samples.Simplified)), first.Bytes.ToArray());
        Assert.Equal(Url2, second.Url);
        Assert.Equal("GBK", second.HeaderCharset);
        Assert.Equal("application/xhtml+xml", second.MediaType);
        Assert.Equal(new("gbk", "header", 0), PageDecoder.Decode(second).Charset);
    }

    [Fact]
    public void Load_GzipMemberPerRecord_ReadsLikeThePlainFile()
    {
        var plain = Load("crawl.warc", Crawl().ToWarc());
        File.Delete(folder.PathOf("crawl.warc"));

        var gzipped = Load("crawl.warc.gz", Crawl().ToWarcGz());

        Assert.Equal(["crawl.warc.gz#urn:uuid:page-1", "crawl.warc.gz#urn:uuid:page-2"], gzipped.Select(i => i.Source));
        Assert.Equal(plain.Select(i => i.Input!.Sha256), gzipped.Select(i => i.Input!.Sha256));
    }

    [Fact]
    public void Load_WholeFileGzippedUnderPlainWarcName_IsStillRead()
    {
        var items = Load("crawl.warc", WarcWriter.Gzip(Crawl().ToWarc()));

        Assert.Equal(2, items.Count(i => i.Input is not null));
    }

    [Fact]
    public void Load_ChunkedGzipBody_IsDechunkedAndInflated()
    {
        var html = Samples.Utf8(Samples.Html(Samples.Simplified));
        var wire = WarcWriter.Chunked(WarcWriter.Gzip(html), 17);
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", wire)
            .ToWarcGz();

        var input = Assert.Single(Load("c.warc.gz", warc)).Input!;

        Assert.Equal(html, input.Bytes.ToArray());
    }

    [Fact]
    public void Load_ChunkedBodyAlone_IsDechunked()
    {
        var html = Samples.Utf8(Samples.Html(Samples.Simplified));
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", WarcWriter.Chunked(html, 10))
            .ToWarc();

        var input = Assert.Single(Load("c.warc", warc)).Input!;

        Assert.Equal(html, input.Bytes.ToArray());
    }

    [Fact]
    public void Load_BodyAlreadyDecodedByArchiver_IsKeptAsIs()
    {
        // Some archivers de-chunk and inflate but keep the original headers.
        var html = Samples.Utf8("<p>界面</p>");
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", html)
            .ToWarc();

        var input = Assert.Single(Load("d.warc", warc)).Input!;

        Assert.Equal(html, input.Bytes.ToArray());
    }

    [Fact]
    public void Load_NoHtmlResponses_GivesOneRejection()
    {
        var warc = new WarcWriter().Warcinfo().Request(Url1)
            .Response("https://img.jiemian.com/a.png", "Content-Type: image/png\r\n", [1, 2, 3])
            .ToWarc();

        var rejection = Assert.Single(Load("img.warc", warc)).Rejection!;

        Assert.Equal(new("img.warc", "load", "no HTML response records", false), rejection);
    }

    [Fact]
    public void Load_TruncatedWarc_YieldsRecordsReadSoFarAndAFailure()
    {
        var bytes = Crawl().ToWarc();

        var items = Load("cut.warc", bytes[..^200]);

        Assert.Equal(2, items.Count);
        Assert.Equal("cut.warc#urn:uuid:page-1", items[0].Input!.Source);
        Assert.Equal("cut.warc", items[1].Rejection!.Source);
        Assert.True(items[1].Rejection!.IsFailure);
        Assert.StartsWith("truncated WARC: record 7", items[1].Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TruncatedWarcGz_YieldsRecordsReadSoFarAndAFailure()
    {
        var bytes = Crawl().ToWarcGz();

        var items = Load("cut.warc.gz", bytes[..^40]);

        Assert.Equal(2, items.Count);
        Assert.NotNull(items[0].Input);
        Assert.True(items[1].Rejection!.IsFailure);
        Assert.StartsWith("truncated WARC: record 7", items[1].Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAWarc_IsCorrupt()
    {
        var rejection = Assert.Single(Load("junk.warc", Encoding.ASCII.GetBytes("<html>not a warc</html>"))).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.Equal("corrupt WARC: record 1 does not start with a 'WARC/' version line", rejection.Reason);
    }

    [Fact]
    public void Load_MissingContentLength_IsCorrupt()
    {
        var text = "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n";

        var rejection = Assert.Single(Load("nolen.warc", Encoding.ASCII.GetBytes(text))).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.StartsWith("corrupt WARC: record 1 has no valid Content-Length", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptGzipStream_IsAFailure()
    {
        var bytes = Crawl().ToWarcGz();
        bytes[12] ^= 0xFF;
        bytes[13] ^= 0xFF;

        var items = Load("bad.warc.gz", bytes);

        var rejection = Assert.Single(items).Rejection!;
        Assert.True(rejection.IsFailure);
        Assert.StartsWith("corrupt gzip data in WARC:", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_GzipBombBody_IsRejectedAndLaterRecordsStillLoad()
    {
        var bomb = WarcWriter.Gzip(new byte[1024 * 1024]);
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", bomb, "urn:uuid:bomb")
            .Response(Url2, "Content-Type: text/html\r\n", "<p>ok</p>"u8.ToArray(), "urn:uuid:ok")
            .ToWarc();

        var items = Load("bomb.warc", warc, new LoadOptions { MaxInputBytes = 64 * 1024 });

        Assert.Equal("bomb.warc#urn:uuid:bomb", items[0].Rejection!.Source);
        Assert.Contains("exceeds MaxInputBytes (65536)", items[0].Rejection!.Reason, StringComparison.Ordinal);
        Assert.Equal("bomb.warc#urn:uuid:ok", items[1].Input!.Source);
    }

    [Fact]
    public void Load_BodyOverMaxInputBytes_IsRejectedWithoutFailure()
    {
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\n", new byte[2000], "urn:uuid:big")
            .ToWarc();

        var rejection = Assert.Single(Load("big.warc", warc, new LoadOptions { MaxInputBytes = 1000 })).Rejection!;

        Assert.Equal(new("big.warc#urn:uuid:big", "load", "HTTP body of 2000 bytes exceeds MaxInputBytes (1000)", false), rejection);
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("br")]
    public void Load_OtherContentEncodings_AreDecoded(string coding)
    {
        var html = Samples.Utf8(Samples.Html(Samples.Simplified));
        var warc = new WarcWriter()
            .Response(Url1, $"Content-Type: text/html\r\nContent-Encoding: {coding}\r\n", Compress(html, coding))
            .ToWarc();

        var input = Assert.Single(Load("e.warc", warc)).Input!;

        Assert.Equal(html, input.Bytes.ToArray());
    }

    [Fact]
    public void Load_UnknownContentEncoding_IsAFailureForThatRecord()
    {
        var warc = new WarcWriter()
            .Response(Url1, "Content-Type: text/html\r\nContent-Encoding: zstd\r\n", [1, 2, 3], "urn:uuid:z")
            .ToWarc();

        var rejection = Assert.Single(Load("z.warc", warc)).Rejection!;

        Assert.Equal(new("z.warc#urn:uuid:z", "load", "unsupported Content-Encoding 'zstd'", true), rejection);
    }

    [Fact]
    public void Load_LargeNonHtmlRecord_IsSkippedSilentlyEvenOverTheLimit()
    {
        var warc = new WarcWriter()
            .Response("https://img.jiemian.com/big.jpg", "Content-Type: image/jpeg\r\n", new byte[5000])
            .Response(Url1, "Content-Type: text/html\r\n", "<p>ok</p>"u8.ToArray(), "urn:uuid:ok")
            .ToWarc();

        var item = Assert.Single(Load("mixed.warc", warc, new LoadOptions { MaxInputBytes = 1000 }));

        Assert.Equal("mixed.warc#urn:uuid:ok", item.Input!.Source);
    }

    [Fact]
    public void Load_HttpHeadersThatNeverEnd_AreAFailureForThatRecord()
    {
        var warc = new WarcWriter()
            .Record("response", Url1, "application/http; msgtype=response", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"u8.ToArray(), "urn:uuid:cut")
            .Response(Url2, "Content-Type: text/html\r\n", "<p>ok</p>"u8.ToArray(), "urn:uuid:ok")
            .ToWarc();

        var items = Load("h.warc", warc);

        Assert.Equal(new("h.warc#urn:uuid:cut", "load", "corrupt HTTP response: HTTP headers never end", true), items[0].Rejection);
        Assert.Equal("h.warc#urn:uuid:ok", items[1].Input!.Source);
    }

    [Fact]
    public void Load_Cancelled_StopsWithOperationCanceled()
    {
        folder.Write("crawl.warc", Crawl().ToWarc());
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => new InputScanner().Scan(folder.Root, cancellation.Token).ToList());
    }

    private static byte[] Compress(byte[] data, string coding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = coding == "br"
            ? new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true)
            : new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
