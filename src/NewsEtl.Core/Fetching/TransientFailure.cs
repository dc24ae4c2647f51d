using System.Net;
using Polly;
using Polly.Timeout;

namespace NewsEtl.Fetching;

/// <summary>Which outcomes are worth another try: network errors, broken bodies, per-try timeouts, 408, 429 and 5xx.</summary>
internal static class TransientFailure
{
    public static bool Is(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        null => outcome.Result is { } response && IsTransient(response.StatusCode),
        HttpRequestException e => e.InnerException is not FetchRefusedException,
        TimeoutRejectedException => true,
        // HttpIOException (a body cut short, a reset mid-body) is an IOException, not an HttpRequestException.
        IOException => true,
        _ => false,
    };

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
