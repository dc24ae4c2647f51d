using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Retry;

namespace NewsEtl.Fetching;

/// <summary>
/// The resilience pipelines, outermost first: the overall timeout per URL; per host, the retry and then that
/// host's circuit breaker (so every try counts toward the breaker and a broken circuit is not retried); and,
/// inside each try after it has waited its turn for the host, the per-try timeout.
/// </summary>
internal sealed class FetchPipelines : IDisposable, IAsyncDisposable
{
    /// <summary>Carries the URL's <see cref="AttemptLog"/> through the pipeline, so OnRetry can record delays.</summary>
    public static readonly ResiliencePropertyKey<AttemptLog> LogKey = new("NewsEtl.AttemptLog");

    private readonly FetchOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ResiliencePipelineRegistry<string> _perHost = new();

    public FetchPipelines(FetchOptions options, TimeProvider timeProvider)
    {
        _options = options;
        _timeProvider = timeProvider;
        Overall = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.OverallTimeout)
            .Build();
        Attempt = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }

    /// <summary>Bounds everything done for one URL: robots.txt, redirects, tries and delays.</summary>
    public ResiliencePipeline Overall { get; }

    /// <summary>Bounds one try: connect, headers and the whole body (not the wait for the host's turn).</summary>
    public ResiliencePipeline Attempt { get; }

    /// <summary>The pipeline of a host, keyed by host:port, created on first use.</summary>
    public ResiliencePipeline<HttpResponseMessage> ForHost(Uri uri) =>
        _perHost.GetOrAddPipeline<HttpResponseMessage>(HostKey(uri), Configure);

    public static string HostKey(Uri uri) => uri.Authority.ToLowerInvariant();

    public void Dispose() => _perHost.Dispose();

    public ValueTask DisposeAsync() => _perHost.DisposeAsync();

    private void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder)
    {
        builder.TimeProvider = _timeProvider;
        if (_options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(TransientFailure.Is(args.Outcome)),
                MaxRetryAttempts = _options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.BaseDelay,
                MaxDelay = _options.MaxDelay,
                // Retry-After wins over the backoff; Polly does not apply MaxDelay to it, so RetryAfter caps it.
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfter.DelayFor(args.Outcome.Result, _timeProvider, _options.MaxDelay)),
                OnRetry = args =>
                {
                    if (args.Context.Properties.TryGetValue(LogKey, out var log))
                    {
                        log.AddDelay(args.RetryDelay);
                        log.LastFailure = args.Outcome.Exception is { } e
                            ? FetchFailure.Describe(e, _options)
                            : $"HTTP {(int)args.Outcome.Result!.StatusCode} {args.Outcome.Result.ReasonPhrase}";
                    }

                    return ValueTask.CompletedTask;
                },
            });
        }

        var breaker = _options.CircuitBreaker;
        if (breaker.Enabled)
        {
            builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = args => ValueTask.FromResult(TransientFailure.Is(args.Outcome)),
                FailureRatio = breaker.FailureRatio,
                SamplingDuration = breaker.SamplingDuration,
                MinimumThroughput = breaker.MinimumThroughput,
                BreakDuration = breaker.BreakDuration,
            });
        }
    }
}
