using Polly.Timeout;

namespace NewsEtl.Fetching;

/// <summary>Says in one line why a request produced no response, for a rejection's reason.</summary>
internal static class FetchFailure
{
    public static string Describe(Exception exception, FetchOptions options) => exception switch
    {
        FetchRefusedException refused => refused.Reason,
        HttpRequestException { InnerException: FetchRefusedException refused } => refused.Reason,
        TimeoutRejectedException timeout when timeout.Timeout == options.AttemptTimeout =>
            $"timed out: no complete response within AttemptTimeout ({FetchOptions.Show(options.AttemptTimeout)})",
        TimeoutRejectedException => $"gave up: OverallTimeout ({FetchOptions.Show(options.OverallTimeout)}) reached",
        HttpRequestException http => $"network error: {Join(http)}",
        IOException io => $"connection broken while reading the body: {Join(io)}",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static string Join(Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            message += $" ({inner.Message})";
        }

        return message;
    }
}
