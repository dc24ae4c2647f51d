using System.IO.Compression;
using System.Text;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class PageFetcherContentTests
{
    static PageFetcherContentTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task Fetch_Utf8Page_GivesBytesUrlCharsetAndMediaType()
    {
        await using var site = await TestSite.StartAsync();
        var page = JiemianPages.Article(1);
        site.Map("/article/1.html", Respond.Html(page, "text/html; charset=UTF-8"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/article/1.html"), CancellationToken.None);

        var input = result.Input!;
        Assert.Equal(site.Url("/article/1.html").AbsoluteUri, input.Source);
        Assert.Equal(site.Url("/article/1.html").AbsoluteUri, input.Url);
        Assert.Equal("utf-8", input.HeaderCharset);
        Assert.Equal("text/html", input.MediaType);
        Assert.Equal(Encoding.UTF8.GetBytes(page), input.Bytes.ToArray());
        Assert.Null(result.Rejection);
        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData("gbk", true)]
    [InlineData("gbk", false)]
    [InlineData("big5", true)]
    [InlineData("big5", false)]
    public async Task Fetch_LegacyEncodedPage_KeepsBytesAsSentAndTheHeaderCharset(string charset, bool declared)
    {
        await using var site = await TestSite.StartAsync();
        var text = charset == "big5" ? JiemianPages.TraditionalArticle() : JiemianPages.Article(2, charset: "gbk");
        var bytes = Encoding.GetEncoding(charset).GetBytes(text);
        site.Map("/legacy", Respond.Bytes(bytes, declared ? $"text/html; charset={charset.ToUpperInvariant()}" : "text/html"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/legacy"), CancellationToken.None);

        var input = result.Input!;
        Assert.Equal(bytes, input.Bytes.ToArray());
        Assert.Equal(declared ? charset : null, input.HeaderCharset);
        Assert.Equal(text, Encoding.GetEncoding(charset).GetString(input.Bytes.Span));
    }

    [Fact]
    public async Task Fetch_NoContentType_IsOctetStreamWithoutCharset()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/bare", Respond.Bytes(Encoding.UTF8.GetBytes("界面新闻"), contentType: null));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var input = (await fetcher.FetchAsync(site.Url("/bare"), CancellationToken.None)).Input!;

        Assert.Equal("application/octet-stream", input.MediaType);
        Assert.Null(input.HeaderCharset);
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Fetch_CompressedBody_IsDecodedByTheFetcher(string coding)
    {
        await using var site = await TestSite.StartAsync();
        var page = Encoding.UTF8.GetBytes(JiemianPages.Article(3));
        site.Map("/packed", Respond.Bytes(Compress(page, coding), "text/html; charset=utf-8", r => r.Headers.ContentEncoding = coding));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/packed"), CancellationToken.None);

        Assert.Equal(page, result.Input!.Bytes.ToArray());
        Assert.All(site.Requests, r => Assert.Equal("gzip, deflate, br", r.AcceptEncoding));
    }

    [Fact]
    public async Task Fetch_UnknownContentEncoding_IsRejected()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/odd", Respond.Bytes([1, 2, 3], "text/html", r => r.Headers.ContentEncoding = "compress"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/odd"), CancellationToken.None);

        Assert.Equal("unsupported Content-Encoding 'compress'; 1 attempt", result.Rejection!.Reason);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Fetch_BodyOverMaxBodyBytes_IsRejectedAtOnce(bool declaresLength)
    {
        await using var site = await TestSite.StartAsync();
        var body = new byte[4096];
        site.Map("/huge", declaresLength
            ? Respond.Bytes(body, "text/html")
            : Respond.Slowly(body, pieces: 4, TimeSpan.Zero));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { MaxBodyBytes = 1024 });

        var result = await fetcher.FetchAsync(site.Url("/huge"), CancellationToken.None);

        Assert.Equal("body larger than MaxBodyBytes (1024 bytes); 1 attempt", result.Rejection!.Reason);
        Assert.True(result.Rejection.IsFailure);
    }

    [Fact]
    public async Task Fetch_GzipBomb_StopsAtMaxDecompressedBytes()
    {
        await using var site = await TestSite.StartAsync();
        var bomb = Compress(new byte[1024 * 1024], "gzip");
        site.Map("/bomb", Respond.Bytes(bomb, "text/html", r => r.Headers.ContentEncoding = "gzip"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { MaxDecompressedBytes = 64 * 1024 });

        var result = await fetcher.FetchAsync(site.Url("/bomb"), CancellationToken.None);

        Assert.True(bomb.Length < 64 * 1024);
        Assert.Equal("body larger than MaxDecompressedBytes (65536 bytes); 1 attempt", result.Rejection!.Reason);
    }

    [Fact]
    public async Task Fetch_SlowBody_IsReadToTheEnd()
    {
        await using var site = await TestSite.StartAsync();
        var page = Encoding.UTF8.GetBytes(JiemianPages.Article(4));
        site.Map("/slow", Respond.Slowly(page, pieces: 5, TimeSpan.FromMilliseconds(40)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/slow"), CancellationToken.None);

        Assert.Equal(page, result.Input!.Bytes.ToArray());
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task Fetch_SecondRunWithCache_SendsValidatorsAndGets304()
    {
        await using var site = await TestSite.StartAsync();
        const string etag = "\"jm-5901\"";
        var lastModified = new DateTimeOffset(2025, 2, 28, 23, 0, 0, TimeSpan.Zero);
        site.Map("/article/5.html", async (context, hit) =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = etag;
            context.Response.Headers.LastModified = lastModified.ToString("R");
            await Respond.Html(JiemianPages.Article(5))(context, hit);
        });
        var cache = new InMemoryFetchCache();
        var url = site.Url("/article/5.html");

        await using (var first = new PageFetcher(FetchTestKit.Options, cache: cache))
        {
            Assert.Equal(FetchStatus.Fetched, (await first.FetchAsync(url, CancellationToken.None)).Status);
        }

        Assert.Equal(new CacheValidators(etag, lastModified), await cache.GetAsync(url, CancellationToken.None));
        await using var second = new PageFetcher(FetchTestKit.Options, cache: cache);
        var result = await second.FetchAsync(url, CancellationToken.None);

        Assert.Equal(FetchStatus.NotModified, result.Status);
        Assert.True(result.NotModified);
        Assert.Null(result.Input);
        Assert.Null(result.Rejection);
        var conditional = site.Requests.Last(r => r.Path == "/article/5.html");
        Assert.Equal(etag, conditional.IfNoneMatch);
        Assert.Equal(lastModified.ToString("R"), conditional.IfModifiedSince);
    }

    [Fact]
    public async Task Fetch_ConditionalRequestsOff_SendsNoValidators()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/p", Respond.Bytes(Encoding.UTF8.GetBytes("<p>x</p>"), "text/html", r => r.Headers.ETag = "\"v1\""));
        var cache = new InMemoryFetchCache();
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { ConditionalRequests = false }, cache: cache);

        await fetcher.FetchAsync(site.Url("/p"), CancellationToken.None);
        await fetcher.FetchAsync(site.Url("/p"), CancellationToken.None);

        Assert.Equal(0, cache.Count);
        Assert.All(site.Requests, r => Assert.Null(r.IfNoneMatch));
    }

    private static byte[] Compress(byte[] data, string coding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = coding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true),
            _ => new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
