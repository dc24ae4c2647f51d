using System.Net;
using System.Text;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class PageFetcherPolitenessTests
{
    private const string Robots = """
        # Jiemian-like robots.txt
        User-agent: *
        Disallow: /private/
        Allow: /private/open
        Disallow: /*.json$
        """;

    [Fact]
    public async Task FetchAll_RobotsDisallow_SkipsThoseUrlsAndReadsRobotsOnce()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/robots.txt", Respond.Bytes(Encoding.UTF8.GetBytes(Robots), "text/plain"));
        site.Map("/private/a.html", Respond.Html(JiemianPages.Article(1)));
        site.Map("/private/open.html", Respond.Html(JiemianPages.Article(2)));
        site.Map("/article/3.html", Respond.Html(JiemianPages.Article(3)));
        site.Map("/api/list.json", Respond.Html("{}"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var results = await FetchTestKit.FetchAllAsync(
            fetcher,
            site.Url("/private/a.html"),
            site.Url("/private/open.html"),
            site.Url("/article/3.html"),
            site.Url("/api/list.json"));

        Assert.Equal(
            [FetchStatus.Rejected, FetchStatus.Fetched, FetchStatus.Fetched, FetchStatus.Rejected],
            results.Select(r => r.Status));
        Assert.Equal("disallowed by robots.txt (Disallow: /private/)", results[0].Rejection!.Reason);
        Assert.False(results[0].Rejection!.IsFailure);
        Assert.Equal(0, results[0].Attempts);
        Assert.Equal("disallowed by robots.txt (Disallow: /*.json$)", results[3].Rejection!.Reason);
        Assert.Equal(0, site.Hits("/private/a.html") + site.Hits("/api/list.json"));
        Assert.Equal(1, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsGroupNamingNewsEtl_OverridesTheStarGroup()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/robots.txt", Respond.Bytes(Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /\n\nUser-agent: newsetl\nDisallow: /search\n"), "text/plain"));
        site.Map("/article/1.html", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var results = await FetchTestKit.FetchAllAsync(fetcher, site.Url("/article/1.html"), site.Url("/search?q=x"));

        Assert.Equal(FetchStatus.Fetched, results[0].Status);
        Assert.Equal("disallowed by robots.txt (Disallow: /search)", results[1].Rejection!.Reason);
    }

    [Fact]
    public async Task Fetch_RobotsMissing_AllowsEverything()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/private/a.html", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/private/a.html"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(1, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsServerError_DisallowsTheWholeHostForTheRun()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/robots.txt", Respond.Status(503));
        site.Map("/article/1.html", Respond.Html(JiemianPages.Article(1)));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { CircuitBreaker = new() { Enabled = false } }, clock);

        var results = await FetchTestKit.FetchAllAsync(fetcher, site.Url("/article/1.html"), site.Url("/article/2.html"));

        Assert.All(results, r => Assert.Equal(
            "disallowed by robots.txt (robots.txt answered HTTP 503; RFC 9309 says assume complete disallow)", r.Rejection!.Reason));
        Assert.Equal(0, site.PageHits);
        Assert.Equal(4, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task Fetch_RobotsOff_DoesNotAskForRobots()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/robots.txt", Respond.Bytes(Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /\n"), "text/plain"));
        site.Map("/a", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { RespectRobotsTxt = false });

        var result = await fetcher.FetchAsync(site.Url("/a"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(0, site.Hits("/robots.txt"));
    }

    [Fact]
    public async Task FetchAll_SendsTheUserAgentOnEveryRequest()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/a", Respond.Sequence(Respond.Status(503), Respond.Html(JiemianPages.Article(1))));
        site.Map("/b", Respond.Redirect("/a"));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options, clock);

        await FetchTestKit.FetchAllAsync(fetcher, site.Url("/a"), site.Url("/b"));

        Assert.Equal(5, site.Requests.Count); // robots.txt, /a twice, /b, /a
        Assert.All(site.Requests, r => Assert.Equal(FetchOptions.DefaultUserAgent, r.UserAgent));
    }

    [Fact]
    public async Task FetchAll_PerHostDelay_SpacesRequestsOnTheClock()
    {
        await using var site = await TestSite.StartAsync();
        await using var clock = new TestClock();
        var urls = Enumerable.Range(1, 3).Select(i => site.Url($"/article/{i}.html")).ToArray();
        foreach (var url in urls)
        {
            site.Map(url.AbsolutePath, Respond.Html(JiemianPages.Article(1)));
        }

        var options = FetchTestKit.Options with { PerHostDelay = TimeSpan.FromSeconds(1), RespectRobotsTxt = false, Concurrency = 3 };
        await using var fetcher = new PageFetcher(options, clock);
        var wall = System.Diagnostics.Stopwatch.StartNew();

        var results = await FetchTestKit.FetchAllAsync(fetcher, urls);

        Assert.All(results, r => Assert.Equal(FetchStatus.Fetched, r.Status));
        // Three requests to one host need two gaps of 1 s: on the injected clock, not the wall clock.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"clock moved {clock.Elapsed}");
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(2), $"took {wall.Elapsed} of real time");
    }

    [Fact]
    public async Task FetchAll_NeverExceedsConcurrency_AndKeepsInputOrder()
    {
        await using var site = await TestSite.StartAsync();
        var inFlight = 0;
        var most = 0;
        var urls = Enumerable.Range(1, 8).Select(i => site.Url($"/article/{i}.html")).ToArray();
        foreach (var (url, index) in urls.Select((u, i) => (u, i)))
        {
            site.Map(url.AbsolutePath, async (context, hit) =>
            {
                var now = Interlocked.Increment(ref inFlight);
                InterlockedMax(ref most, now);
                // Earlier URLs answer later, so completion order differs from input order.
                await Task.Delay(TimeSpan.FromMilliseconds(10 * (8 - index)));
                Interlocked.Decrement(ref inFlight);
                await Respond.Html($"<p>{index}</p>")(context, hit);
            });
        }

        await using var fetcher = new PageFetcher(FetchTestKit.Options with { Concurrency = 2, RespectRobotsTxt = false });

        var results = await FetchTestKit.FetchAllAsync(fetcher, urls);

        Assert.Equal(urls, results.Select(r => r.Url));
        Assert.InRange(most, 1, 2);
    }

    [Fact]
    public async Task Fetch_RedirectChain_IsFollowedToTheFinalUrl()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/old/1", Respond.Redirect("/moved/1", 301));
        site.Map("/moved/1", Respond.Redirect($"{site.BaseUri}article/1.html", 307));
        site.Map("/article/1.html", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/old/1"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(site.Url("/old/1").AbsoluteUri, result.Input!.Source);
        Assert.Equal(site.Url("/article/1.html").AbsoluteUri, result.Input.Url);
        Assert.Equal(site.Url("/article/1.html"), result.FinalUrl);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Fetch_RedirectLoop_IsRejected()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/loop/a", Respond.Redirect("/loop/b"));
        site.Map("/loop/b", Respond.Redirect("/loop/a"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/loop/a"), CancellationToken.None);

        Assert.Equal($"redirect loop: {site.Url("/loop/a").AbsoluteUri} was already visited; 2 attempts", result.Rejection!.Reason);
    }

    [Fact]
    public async Task Fetch_MoreRedirectsThanMaxRedirects_IsRejected()
    {
        await using var site = await TestSite.StartAsync();
        for (var i = 0; i < 10; i++)
        {
            site.Map($"/hop/{i}", Respond.Redirect($"/hop/{i + 1}"));
        }

        await using var fetcher = new PageFetcher(FetchTestKit.Options with { MaxRedirects = 3 });

        var result = await fetcher.FetchAsync(site.Url("/hop/0"), CancellationToken.None);

        Assert.Equal("too many redirects: more than MaxRedirects (3); 4 attempts", result.Rejection!.Reason);
    }

    [Fact]
    public async Task Fetch_RedirectToAnotherScheme_IsRejected()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/ftp", Respond.Redirect("ftp://files.example/article.html"));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/ftp"), CancellationToken.None);

        Assert.Equal("redirect to unsupported scheme 'ftp' (ftp://files.example/article.html); 1 attempt", result.Rejection!.Reason);
    }

    [Fact]
    public async Task Fetch_PublicHostRedirectingToLoopback_IsRefused()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/article/1.html", Respond.Redirect($"http://127.0.0.1:{site.Port}/admin"));
        site.Map("/admin", Respond.Html("<p>internal</p>"));
        using var handler = FetchTestKit.AllHostsTo(site.Port);
        await using var fetcher = new PageFetcher(FetchTestKit.Options, handler: handler);

        var result = await fetcher.FetchAsync(new Uri($"http://www.jiemian.test:{site.Port}/article/1.html"), CancellationToken.None);

        Assert.Equal("redirect to non-public address 127.0.0.1 refused; set AllowPrivateRedirects to follow it; 1 attempt", result.Rejection!.Reason);
        Assert.Equal(0, site.Hits("/admin"));
    }

    [Fact]
    public async Task Fetch_PublicHostRedirectingToLoopback_IsFollowedWhenAllowed()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/article/1.html", Respond.Redirect($"http://127.0.0.1:{site.Port}/admin"));
        site.Map("/admin", Respond.Html("<p>internal</p>"));
        using var handler = FetchTestKit.AllHostsTo(site.Port);
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { AllowPrivateRedirects = true }, handler: handler);

        var result = await fetcher.FetchAsync(new Uri($"http://www.jiemian.test:{site.Port}/article/1.html"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
    }

    [Fact]
    public async Task Fetch_RedirectToANameResolvingToLoopback_IsRefusedWhenConnecting()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/article/1.html", Respond.Redirect($"http://intranet.test:{site.Port}/admin"));
        site.Map("/admin", Respond.Html("<p>internal</p>"));
        // Every name resolves to 127.0.0.1: the user-named host is allowed, the redirect target is not.
        using var handler = FetchHandler.Create((_, _) => Task.FromResult(new[] { IPAddress.Loopback }));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { RespectRobotsTxt = false }, handler: handler);

        var result = await fetcher.FetchAsync(new Uri($"http://www.jiemian.test:{site.Port}/article/1.html"), CancellationToken.None);

        Assert.Equal(
            "redirect to intranet.test (127.0.0.1) refused: not a public address; set AllowPrivateRedirects to follow it; 2 attempts",
            result.Rejection!.Reason);
        Assert.Equal(0, site.Hits("/admin"));
    }

    [Fact]
    public async Task Fetch_UserNamedLoopbackUrl_MayRedirectWithinLoopback()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/a", Respond.Redirect($"http://localhost:{site.Port}/b"));
        site.Map("/b", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/a"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
    }

    [Fact]
    public async Task FetchAll_ConsumerStopsEarly_StopsTheRest()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/hang", Respond.Hang(site));
        site.Map("/a", Respond.Html(JiemianPages.Article(1)));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { RespectRobotsTxt = false });
        var wall = System.Diagnostics.Stopwatch.StartNew();

        await foreach (var result in fetcher.FetchAllAsync([site.Url("/a"), site.Url("/hang")], CancellationToken.None))
        {
            Assert.Equal(FetchStatus.Fetched, result.Status);
            break;
        }

        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(4), $"took {wall.Elapsed}");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
