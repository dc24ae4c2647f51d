using System.Diagnostics;
using System.Globalization;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class PageFetcherRetryTests
{
    [Fact]
    public async Task Fetch_503Twice_RetriesWithBackoffOnTheClockAndSucceeds()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/article/1.html", Respond.Sequence(Respond.Status(503), Respond.Status(503), Respond.Html(JiemianPages.Article(1))));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options, clock);

        var result = await fetcher.FetchAsync(site.Url("/article/1.html"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, site.Hits("/article/1.html"));
        Assert.Equal(2, result.RetryDelays.Count);
        Assert.All(result.RetryDelays, d => Assert.InRange(d, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(10)));
        // The waits happened on the injected clock (FakeTimeProvider timers have millisecond resolution).
        Assert.True(clock.Elapsed + TimeSpan.FromMilliseconds(2) >= result.RetryDelays[0] + result.RetryDelays[1]);
    }

    [Fact]
    public async Task Fetch_429WithRetryAfterSeconds_WaitsExactlyWhatTheServerAsked()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/busy", Respond.Sequence(Respond.Status(429, retryAfter: "7"), Respond.Html(JiemianPages.Article(2))));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options, clock);

        var result = await fetcher.FetchAsync(site.Url("/busy"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(2, result.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(7)], result.RetryDelays);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Fetch_503WithRetryAfterDate_WaitsUntilThatDate()
    {
        await using var site = await TestSite.StartAsync();
        await using var clock = new TestClock();
        var until = (clock.GetUtcNow() + TimeSpan.FromSeconds(5)).ToString("R", CultureInfo.InvariantCulture);
        site.Map("/maintenance", Respond.Sequence(Respond.Status(503, retryAfter: until), Respond.Html(JiemianPages.Article(3))));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { RespectRobotsTxt = false }, clock);

        var result = await fetcher.FetchAsync(site.Url("/maintenance"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        var delay = Assert.Single(result.RetryDelays);
        Assert.InRange(delay, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Fetch_RetryAfterBeyondMaxDelay_IsCappedAtMaxDelay()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/later", Respond.Sequence(Respond.Status(503, retryAfter: "3600"), Respond.Html(JiemianPages.Article(4))));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { MaxDelay = TimeSpan.FromSeconds(8) }, clock);

        var result = await fetcher.FetchAsync(site.Url("/later"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal([TimeSpan.FromSeconds(8)], result.RetryDelays);
    }

    [Fact]
    public async Task Fetch_Always503_RejectsAfterMaxAttemptsWithStatusAndCount()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/down", Respond.Status(503));
        await using var clock = new TestClock();
        // Breaker off here: this test is about the retry count (the breaker has its own tests).
        var options = FetchTestKit.Options with { CircuitBreaker = new() { Enabled = false } };
        await using var fetcher = new PageFetcher(options, clock);

        var result = await fetcher.FetchAsync(site.Url("/down"), CancellationToken.None);

        Assert.Equal(FetchStatus.Rejected, result.Status);
        var rejection = result.Rejection!;
        Assert.Equal("fetch", rejection.Stage);
        Assert.True(rejection.IsFailure);
        Assert.Equal(site.Url("/down").AbsoluteUri, rejection.Source);
        Assert.Equal("HTTP 503 Service Unavailable; 4 attempts", rejection.Reason);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal(4, site.Hits("/down"));
        Assert.Equal(3, result.RetryDelays.Count);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(403)]
    [InlineData(410)]
    public async Task Fetch_PermanentClientError_IsNotRetried(int status)
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/gone", Respond.Status(status));
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(site.Url("/gone"), CancellationToken.None);

        Assert.Equal(1, result.Attempts);
        Assert.StartsWith($"HTTP {status} ", result.Rejection!.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; 1 attempt", result.Rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_ConnectionReset_IsRetried()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/reset", Respond.Sequence(Respond.Reset(), Respond.Html(JiemianPages.Article(5))));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options, clock);

        var result = await fetcher.FetchAsync(site.Url("/reset"), CancellationToken.None);

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Fetch_TruncatedBody_IsRetriedAndNeverReturnedHalf()
    {
        await using var site = await TestSite.StartAsync();
        var page = JiemianPages.Article(6);
        site.Map("/cut-once", Respond.Sequence(Respond.Truncated(), Respond.Html(page)));
        site.Map("/cut-always", Respond.Truncated());
        await using var clock = new TestClock();
        // Breaker off: two failures in four tries on one host would (rightly) open it and cut the second try.
        var options = FetchTestKit.Options with { MaxAttempts = 2, CircuitBreaker = new() { Enabled = false } };
        await using var fetcher = new PageFetcher(options, clock);

        var results = await FetchTestKit.FetchAllAsync(fetcher, site.Url("/cut-once"), site.Url("/cut-always"));

        Assert.Equal(FetchStatus.Fetched, results[0].Status);
        Assert.Equal(2, results[0].Attempts);
        Assert.Equal(page, System.Text.Encoding.UTF8.GetString(results[0].Input!.Bytes.Span));
        Assert.Equal(FetchStatus.Rejected, results[1].Status);
        Assert.Contains("connection broken while reading the body", results[1].Rejection!.Reason, StringComparison.Ordinal);
        Assert.EndsWith("; 2 attempts", results[1].Rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fetch_NoAnswerWithinAttemptTimeout_TimesOutEachTryOnTheClock()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/hang", Respond.Hang(site));
        await using var clock = new TestClock();
        var options = FetchTestKit.Options with { MaxAttempts = 2, RespectRobotsTxt = false };
        await using var fetcher = new PageFetcher(options, clock);
        var wall = Stopwatch.StartNew();

        var fetch = fetcher.FetchAsync(site.Url("/hang"), CancellationToken.None);
        await site.NextArrivalAsync("/hang");
        clock.Advance(options.AttemptTimeout);
        await site.NextArrivalAsync("/hang");
        clock.Advance(options.AttemptTimeout);
        var result = await fetch;

        Assert.Equal(FetchStatus.Rejected, result.Status);
        Assert.Equal("timed out: no complete response within AttemptTimeout (20 s); 2 attempts", result.Rejection!.Reason);
        Assert.True(wall.Elapsed < TimeSpan.FromSeconds(5), $"took {wall.Elapsed} of real time");
    }

    [Fact]
    public async Task Fetch_HangOnceThenAnswer_SucceedsOnSecondTry()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/hang-once", Respond.Sequence(Respond.Hang(site), Respond.Html(JiemianPages.Article(7))));
        await using var clock = new TestClock();
        var options = FetchTestKit.Options with { RespectRobotsTxt = false };
        await using var fetcher = new PageFetcher(options, clock);

        var fetch = fetcher.FetchAsync(site.Url("/hang-once"), CancellationToken.None);
        await site.NextArrivalAsync("/hang-once");
        clock.Advance(options.AttemptTimeout);
        var result = await fetch;

        Assert.Equal(FetchStatus.Fetched, result.Status);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task Fetch_OverallTimeout_StopsFurtherTries()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/hang", Respond.Hang(site));
        // The pump may only skip the short retry delay (at most 4 s), never the 10 s left of the overall budget.
        await using var clock = new TestClock(horizon: TimeSpan.FromSeconds(5));
        var options = FetchTestKit.Options with
        {
            OverallTimeout = TimeSpan.FromSeconds(30),
            MaxDelay = TimeSpan.FromSeconds(4),
            RespectRobotsTxt = false,
        };
        await using var fetcher = new PageFetcher(options, clock);

        var fetch = fetcher.FetchAsync(site.Url("/hang"), CancellationToken.None);
        await site.NextArrivalAsync("/hang");
        clock.Advance(options.AttemptTimeout);
        await site.NextArrivalAsync("/hang");
        clock.Advance(TimeSpan.FromSeconds(10));
        var result = await fetch;

        Assert.Equal("gave up: OverallTimeout (30 s) reached; 2 attempts", result.Rejection!.Reason);
        Assert.Equal(2, site.Hits("/hang"));
    }

    [Fact]
    public async Task FetchAll_HostKeepsFailing_CircuitBreakerStopsRequestingIt()
    {
        await using var site = await TestSite.StartAsync();
        var urls = Enumerable.Range(1, 6).Select(i => site.Url($"/down/{i}")).ToArray();
        foreach (var url in urls)
        {
            site.Map(url.AbsolutePath, Respond.Status(503));
        }

        await using var clock = new TestClock();
        var options = FetchTestKit.Options with { MaxAttempts = 1, Concurrency = 1, RespectRobotsTxt = false };
        await using var fetcher = new PageFetcher(options, clock);

        var results = await FetchTestKit.FetchAllAsync(fetcher, urls);

        Assert.All(results.Take(4), r => Assert.Equal("HTTP 503 Service Unavailable; 1 attempt", r.Rejection!.Reason));
        Assert.All(results.Skip(4), r => Assert.StartsWith(
            $"circuit breaker open for 127.0.0.1:{site.Port} after repeated failures; not requested", r.Rejection!.Reason, StringComparison.Ordinal));
        Assert.Equal(4, site.PageHits);
    }

    [Fact]
    public async Task Fetch_OneUrlFailingEveryTry_TripsTheDefaultBreakerMidRetries()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/down", Respond.Status(503));
        await using var clock = new TestClock();
        await using var fetcher = new PageFetcher(FetchTestKit.Options, clock);

        var result = await fetcher.FetchAsync(site.Url("/down"), CancellationToken.None);

        // robots.txt (404, a success) + three 503s reach the minimum throughput of 4 at a failure ratio of 0.75,
        // so the fourth try is refused by the breaker and never sent.
        Assert.Equal(
            $"HTTP 503 Service Unavailable, then circuit breaker open for 127.0.0.1:{site.Port} after repeated failures; no more tries; 3 attempts",
            result.Rejection!.Reason);
        Assert.Equal(3, site.Hits("/down"));
    }
}
