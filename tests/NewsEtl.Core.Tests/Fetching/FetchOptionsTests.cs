using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class FetchOptionsTests
{
    [Fact]
    public void Defaults_AreValidAndDocumented()
    {
        var options = new FetchOptions();

        Assert.Empty(options.Validate());
        Assert.Equal("NewsEtl/0.1 (+batch news cleaner; respects robots.txt)", options.UserAgent);
        Assert.Equal("NewsEtl", options.ProductToken);
        Assert.Equal(4, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(2), options.OverallTimeout);
        Assert.Equal(4, options.Concurrency);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PerHostDelay);
        Assert.Equal(new HostCircuitBreakerOptions(), options.CircuitBreaker);
        Assert.Equal(0.5, options.CircuitBreaker.FailureRatio);
        Assert.Equal(TimeSpan.FromSeconds(60), options.CircuitBreaker.SamplingDuration);
        Assert.Equal(4, options.CircuitBreaker.MinimumThroughput);
        Assert.Equal(TimeSpan.FromSeconds(30), options.CircuitBreaker.BreakDuration);
        Assert.Equal(5, options.MaxRedirects);
        Assert.Equal(16 * 1024 * 1024, options.MaxBodyBytes);
        Assert.Equal(64 * 1024 * 1024, options.MaxDecompressedBytes);
        Assert.True(options.RespectRobotsTxt);
        Assert.False(options.AllowPrivateRedirects);
        Assert.True(options.ConditionalRequests);
    }

    [Fact]
    public void Validate_BadValues_NameTheOptionTheValueAndTheFix()
    {
        var options = new FetchOptions
        {
            UserAgent = " ",
            MaxAttempts = 0,
            BaseDelay = TimeSpan.FromSeconds(40),
            AttemptTimeout = TimeSpan.FromMinutes(5),
            Concurrency = 0,
            MaxBodyBytes = 0,
            CircuitBreaker = new HostCircuitBreakerOptions { FailureRatio = 0, MinimumThroughput = 1 },
        };

        var errors = options.Validate();

        Assert.Contains(errors, e => e.StartsWith("UserAgent must be", StringComparison.Ordinal));
        Assert.Contains("MaxAttempts must be between 1 and 20 (got 0); use 1 to disable retries.", errors);
        Assert.Contains("BaseDelay (40 s) is larger than MaxDelay (30 s); raise MaxDelay or lower BaseDelay.", errors);
        Assert.Contains("AttemptTimeout (300 s) is longer than OverallTimeout (120 s); raise OverallTimeout or lower AttemptTimeout.", errors);
        Assert.Contains("Concurrency must be between 1 and 64 (got 0); 4 is polite for a few hosts.", errors);
        Assert.Contains(errors, e => e.StartsWith("MaxBodyBytes must be between 1 and", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("CircuitBreaker.FailureRatio must be above 0", StringComparison.Ordinal));
        Assert.Contains("CircuitBreaker.MinimumThroughput must be at least 2 (got 1); the default is 4.", errors);
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void Validate_DisabledBreaker_IsNotChecked()
    {
        var options = new FetchOptions { CircuitBreaker = new HostCircuitBreakerOptions { Enabled = false, MinimumThroughput = 0 } };

        Assert.Empty(options.Validate());
    }

    [Fact]
    public void PageFetcher_InvalidOptions_ThrowsWithEveryMessage()
    {
        var options = new FetchOptions { MaxAttempts = 0, Concurrency = 100 };

        var error = Assert.Throws<ArgumentException>(() => new PageFetcher(options));

        Assert.Contains("MaxAttempts must be between 1 and 20 (got 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Concurrency must be between 1 and 64 (got 100)", error.Message, StringComparison.Ordinal);
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public async Task Fetch_OneAttemptOnly_DoesNotRetry()
    {
        await using var site = await TestSite.StartAsync();
        site.Map("/down", Respond.Status(503));
        await using var fetcher = new PageFetcher(FetchTestKit.Options with { MaxAttempts = 1 });

        var result = await fetcher.FetchAsync(site.Url("/down"), CancellationToken.None);

        Assert.Equal("HTTP 503 Service Unavailable; 1 attempt", result.Rejection!.Reason);
        Assert.Empty(result.RetryDelays);
    }

    [Fact]
    public async Task Fetch_NonHttpUri_IsRejectedWithoutARequest()
    {
        await using var fetcher = new PageFetcher(FetchTestKit.Options);

        var result = await fetcher.FetchAsync(new Uri("file:///tmp/page.html"), CancellationToken.None);

        Assert.Equal("not an http or https URL: file:///tmp/page.html", result.Rejection!.Reason);
        Assert.Equal(0, result.Attempts);
    }
}
