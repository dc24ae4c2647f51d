using System.Runtime.CompilerServices;

namespace NewsEtl.Fetching;

/// <summary>
/// Downloads pages politely and resiliently: robots.txt, a User-Agent, a delay between requests to one host,
/// bounded concurrency, retries of transient failures only, timeouts, a circuit breaker per host, size limits,
/// conditional requests, and an optional WARC copy of every page received.
/// </summary>
public sealed class PageFetcher : IDisposable, IAsyncDisposable
{
    private readonly FetchOptions _options;
    private readonly HttpClient _client;
    private readonly FetchPipelines _pipelines;
    private readonly FetchChain _chain;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly WarcWriter? _archive;
    private int _disposed;

    /// <param name="options">Validated here: invalid options throw <see cref="ArgumentException"/> listing every problem.</param>
    /// <param name="timeProvider">The clock for delays, timeouts, the breaker and WARC dates; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="handler">For tests: the handler to send through. It must not follow redirects or decompress; the fetcher does both.</param>
    /// <param name="cache">Where ETag/Last-Modified are kept between runs; an in-memory cache by default.</param>
    /// <param name="archive">When given, each page received is written to it as a WARC request/response pair.</param>
    public PageFetcher(
        FetchOptions options,
        TimeProvider? timeProvider = null,
        HttpMessageHandler? handler = null,
        IFetchCache? cache = null,
        WarcWriter? archive = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid fetch options: " + string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _archive = archive;
        var time = timeProvider ?? TimeProvider.System;
        // Timeouts belong to the pipelines (on the injected clock), not to HttpClient's own timer.
        _client = new HttpClient(handler ?? FetchHandler.Create(), disposeHandler: handler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _pipelines = new FetchPipelines(options, time);
        var requester = new HttpRequester(_client, _pipelines, new HostThrottle(options.PerHostDelay, time), options, time);
        var robots = new RobotsPolicy(requester, _pipelines, options, _lifetime.Token);
        _chain = new FetchChain(requester, robots, cache ?? new InMemoryFetchCache(), options);
        _slots = new SemaphoreSlim(options.Concurrency, options.Concurrency);
    }

    /// <summary>
    /// Fetches the URLs, up to Concurrency at a time, and yields one result per URL in the order given.
    /// Only cancellation throws; every other failure is a rejected result.
    /// </summary>
    public async IAsyncEnumerable<FetchResult> FetchAllAsync(
        IEnumerable<Uri> urls,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(urls);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A window ahead of the consumer keeps every slot busy while results still come out in input order.
        var window = _options.Concurrency * 4;
        var pending = new Queue<Task<FetchResult>>();
        try
        {
            foreach (var url in urls)
            {
                pending.Enqueue(FetchAsync(url, stop.Token));
                if (pending.Count >= window)
                {
                    yield return await pending.Dequeue();
                }
            }

            while (pending.Count > 0)
            {
                yield return await pending.Dequeue();
            }
        }
        finally
        {
            if (pending.Count > 0)
            {
                // The consumer stopped early or a fetch was cancelled: stop the rest and let them finish.
                await stop.CancelAsync();
                await Task.WhenAll(pending).ContinueWith(static _ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Fetches one URL (waiting for a free slot first). Only cancellation throws.</summary>
    public async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var log = new AttemptLog();
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return FetchResult.Rejected(url, $"not an http or https URL: {url.OriginalString}", true, log);
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            ChainOutcome outcome;
            try
            {
                outcome = await _pipelines.Overall.ExecuteAsync(
                    static (state, ct) => new ValueTask<ChainOutcome>(state.Chain.RunAsync(state.Url, state.Log, ct)),
                    (Chain: _chain, Url: url, Log: log),
                    cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                return FetchResult.Rejected(url, FetchFailure.Describe(e, _options), true, log);
            }

            // Outside the catch: a WARC that cannot be written breaks the run, it is not a bad page.
            if (outcome.Exchange is { } exchange && _archive is { } archive)
            {
                await archive.WriteAsync(exchange, cancellationToken);
            }

            return outcome.Result;
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Cancel();
        _client.Dispose();
        _pipelines.Dispose();
        _slots.Dispose();
        _lifetime.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _lifetime.CancelAsync();
        _client.Dispose();
        await _pipelines.DisposeAsync();
        _slots.Dispose();
        _lifetime.Dispose();
    }
}
