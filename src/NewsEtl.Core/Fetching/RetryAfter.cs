namespace NewsEtl.Fetching;

/// <summary>Turns a response's Retry-After (delta-seconds or HTTP-date, RFC 9110 §10.2.3) into a retry delay.</summary>
internal static class RetryAfter
{
    /// <summary>The delay the server asked for, capped at <paramref name="maxDelay"/>; null when it asked for none.</summary>
    public static TimeSpan? DelayFor(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan maxDelay)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? asked = header switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - timeProvider.GetUtcNow(),
            _ => null,
        };

        if (asked is not { } delay)
        {
            return null;
        }

        // A date already past means "now"; a long wait is cut to MaxDelay (the retry count still bounds the total).
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > maxDelay ? maxDelay : delay;
    }
}
