using NewsEtl.Model;

namespace NewsEtl.Fetching;

/// <summary>What fetching one URL produced: a page, a "not modified" answer, or a rejection with its reason.</summary>
public sealed record FetchResult
{
    private FetchResult(Uri url, FetchStatus status, int attempts, IReadOnlyList<TimeSpan> retryDelays)
    {
        Url = url;
        Status = status;
        Attempts = attempts;
        RetryDelays = retryDelays;
    }

    /// <summary>The URL as it was asked for.</summary>
    public Uri Url { get; }

    public FetchStatus Status { get; }

    /// <summary>The page (Source = the URL asked for, Url = the final URL after redirects); set when <see cref="Status"/> is Fetched.</summary>
    public RawInput? Input { get; private init; }

    /// <summary>Why there is no page (stage "fetch"); set when <see cref="Status"/> is Rejected.</summary>
    public Rejection? Rejection { get; private init; }

    /// <summary>The URL that answered last, after redirects, when one answered.</summary>
    public Uri? FinalUrl { get; private init; }

    /// <summary>The last HTTP status received for the page, if any.</summary>
    public int? StatusCode { get; private init; }

    /// <summary>HTTP requests sent for this URL: every try of every redirect hop (robots.txt not counted).</summary>
    public int Attempts { get; }

    /// <summary>The delays the retry strategy waited before each retry (Retry-After or backoff), in order.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; }

    public bool NotModified => Status == FetchStatus.NotModified;

    internal static FetchResult Fetched(Uri url, RawInput input, Uri finalUrl, int statusCode, AttemptLog log) =>
        new(url, FetchStatus.Fetched, log.Attempts, log.Delays) { Input = input, FinalUrl = finalUrl, StatusCode = statusCode };

    internal static FetchResult Unchanged(Uri url, Uri finalUrl, AttemptLog log) =>
        new(url, FetchStatus.NotModified, log.Attempts, log.Delays) { FinalUrl = finalUrl, StatusCode = 304 };

    /// <summary>A rejection; the reason gets the attempt count appended when requests were sent.</summary>
    internal static FetchResult Rejected(Uri url, string reason, bool isFailure, AttemptLog log, Uri? finalUrl = null, int? statusCode = null)
    {
        var attempts = log.Attempts;
        var full = attempts == 0 ? reason : $"{reason}; {attempts} attempt{(attempts == 1 ? "" : "s")}";
        return new(url, FetchStatus.Rejected, attempts, log.Delays)
        {
            Rejection = new Rejection(url.AbsoluteUri, "fetch", full, isFailure),
            FinalUrl = finalUrl,
            StatusCode = statusCode,
        };
    }
}
