using System.Globalization;

namespace NewsEtl.Fetching;

/// <summary>How the fetch stage downloads pages: politeness, retries, timeouts and size limits, with their defaults.</summary>
public sealed record FetchOptions
{
    /// <summary>The default User-Agent; its product token ("NewsEtl") is also the name looked up in robots.txt.</summary>
    public const string DefaultUserAgent = "NewsEtl/0.1 (+batch news cleaner; respects robots.txt)";

    /// <summary>Sent on every request, robots.txt included. Default <see cref="DefaultUserAgent"/>.</summary>
    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>Tries per request, the first one included (1 = no retry). Default 4.</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Median delay before the first retry; later retries back off exponentially with jitter. Default 1 s.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on any delay between retries, a server's Retry-After included. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one try: connect, headers and the whole body (not the wait for the host's turn). Default 20 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time allowed for one URL: robots.txt, every redirect, every try and every delay. Default 2 min.</summary>
    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>URLs fetched at the same time, across all hosts. Default 4.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Minimum time between the starts of two requests to one host (host:port). Default 1 s.</summary>
    public TimeSpan PerHostDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The per-host circuit breaker that stops hammering a host that keeps failing.</summary>
    public HostCircuitBreakerOptions CircuitBreaker { get; init; } = new();

    /// <summary>Redirects followed per URL before giving up. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Largest body accepted as sent on the wire (still compressed). Default 16 MiB.</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest body accepted after removing gzip/deflate/br, so a small bomb cannot fill memory. Default 64 MiB.</summary>
    public int MaxDecompressedBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Fetch robots.txt once per host and skip disallowed URLs. Default true.</summary>
    public bool RespectRobotsTxt { get; init; } = true;

    /// <summary>
    /// Follow redirects to loopback, private and link-local addresses even when the URL you named was public.
    /// Default false (a public page cannot send the fetcher into your network).
    /// </summary>
    public bool AllowPrivateRedirects { get; init; }

    /// <summary>Send If-None-Match / If-Modified-Since from the fetch cache; a 304 then yields "not modified". Default true.</summary>
    public bool ConditionalRequests { get; init; } = true;

    /// <summary>The name this tool goes by in robots.txt: the User-Agent up to its first '/' or space.</summary>
    public string ProductToken => UserAgent.Trim().Split('/', ' ')[0];

    /// <summary>Checks every option; each message names the option, the bad value and how to fix it. Empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(UserAgent) || UserAgent.Any(char.IsControl) || ProductToken.Length == 0)
        {
            errors.Add($"UserAgent must be a non-empty single line starting with a product token; use the default \"{DefaultUserAgent}\" or \"YourBot/1.0 (+contact)\".");
        }

        Range(errors, nameof(MaxAttempts), MaxAttempts, 1, 20, "use 1 to disable retries");
        Span(errors, nameof(BaseDelay), BaseDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        Span(errors, nameof(MaxDelay), MaxDelay, TimeSpan.Zero, TimeSpan.FromHours(24));
        if (BaseDelay > MaxDelay)
        {
            errors.Add($"BaseDelay ({Show(BaseDelay)}) is larger than MaxDelay ({Show(MaxDelay)}); raise MaxDelay or lower BaseDelay.");
        }

        // Polly's timeout strategy accepts more than 10 ms and less than 24 h.
        Span(errors, nameof(AttemptTimeout), AttemptTimeout, TimeSpan.FromMilliseconds(11), TimeSpan.FromHours(23));
        Span(errors, nameof(OverallTimeout), OverallTimeout, TimeSpan.FromMilliseconds(11), TimeSpan.FromHours(23));
        if (AttemptTimeout > OverallTimeout)
        {
            errors.Add($"AttemptTimeout ({Show(AttemptTimeout)}) is longer than OverallTimeout ({Show(OverallTimeout)}); raise OverallTimeout or lower AttemptTimeout.");
        }

        Range(errors, nameof(Concurrency), Concurrency, 1, 64, "4 is polite for a few hosts");
        Span(errors, nameof(PerHostDelay), PerHostDelay, TimeSpan.Zero, TimeSpan.FromHours(1));
        if (CircuitBreaker is null)
        {
            errors.Add("CircuitBreaker must not be null; use new HostCircuitBreakerOptions() for the defaults or set Enabled = false.");
        }
        else
        {
            errors.AddRange(CircuitBreaker.Validate());
        }

        Range(errors, nameof(MaxRedirects), MaxRedirects, 0, 20, "use 0 to refuse every redirect");
        Range(errors, nameof(MaxBodyBytes), MaxBodyBytes, 1, Array.MaxLength, "the default is 16 MiB (16777216)");
        Range(errors, nameof(MaxDecompressedBytes), MaxDecompressedBytes, 1, Array.MaxLength, "the default is 64 MiB (67108864)");
        return errors;
    }

    internal static string Show(TimeSpan span) =>
        span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static void Range(List<string> errors, string name, int value, int min, int max, string hint)
    {
        if (value < min || value > max)
        {
            errors.Add($"{name} must be between {min} and {max} (got {value}); {hint}.");
        }
    }

    private static void Span(List<string> errors, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{name} must be between {Show(min)} and {Show(max)} (got {Show(value)}); set it in that range.");
        }
    }
}
