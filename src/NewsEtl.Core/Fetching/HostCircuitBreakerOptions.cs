namespace NewsEtl.Fetching;

/// <summary>
/// The circuit breaker kept for each host: when at least <see cref="MinimumThroughput"/> tries in
/// <see cref="SamplingDuration"/> failed at <see cref="FailureRatio"/> or more, the host gets no request for
/// <see cref="BreakDuration"/> and its URLs are rejected at once.
/// </summary>
public sealed record HostCircuitBreakerOptions
{
    /// <summary>Use a breaker at all. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Share of failed tries that opens the breaker. Default 0.5.</summary>
    public double FailureRatio { get; init; } = 0.5;

    /// <summary>Window over which the ratio is measured. Default 60 s.</summary>
    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Tries needed in the window before the ratio counts; low, because a batch sends few requests per host. Default 4.</summary>
    public int MinimumThroughput { get; init; } = 4;

    /// <summary>How long the host is left alone once the breaker opens. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks the values against Polly's limits; each message names the option and the fix.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!Enabled)
        {
            return errors;
        }

        if (!(FailureRatio > 0 && FailureRatio <= 1))
        {
            errors.Add($"CircuitBreaker.FailureRatio must be above 0 and at most 1 (got {FailureRatio}); 0.5 breaks when half the tries fail.");
        }

        if (MinimumThroughput < 2)
        {
            errors.Add($"CircuitBreaker.MinimumThroughput must be at least 2 (got {MinimumThroughput}); the default is 4.");
        }

        var halfSecond = TimeSpan.FromMilliseconds(500);
        if (SamplingDuration < halfSecond || SamplingDuration > TimeSpan.FromHours(24))
        {
            errors.Add($"CircuitBreaker.SamplingDuration must be between 0.5 s and 24 h (got {FetchOptions.Show(SamplingDuration)}); the default is 60 s.");
        }

        if (BreakDuration < halfSecond || BreakDuration > TimeSpan.FromHours(24))
        {
            errors.Add($"CircuitBreaker.BreakDuration must be between 0.5 s and 24 h (got {FetchOptions.Show(BreakDuration)}); the default is 30 s.");
        }

        return errors;
    }
}
