using System.Net;
using Polly;
using Polly.CircuitBreaker;

namespace NewsEtl.Fetching;

/// <summary>Sends one GET through its host's pipeline: each try waits its turn for the host, sends, and reads the whole body.</summary>
internal sealed class HttpRequester(
    HttpClient client,
    FetchPipelines pipelines,
    HostThrottle throttle,
    FetchOptions options,
    TimeProvider timeProvider)
{
    /// <summary>The final response (its content a <see cref="BufferedContent"/>); throws when no try produced one.</summary>
    public async Task<HttpResponseMessage> SendAsync(HopRequest hop, AttemptLog log, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.ForHost(hop.Uri);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(FetchPipelines.LogKey, log);
        log.LastFailure = null;
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => state.Self.SendOnceAsync(state.Hop, state.Log, ctx.CancellationToken),
                context,
                (Self: this, Hop: hop, Log: log));
        }
        catch (BrokenCircuitException)
        {
            var host = FetchPipelines.HostKey(hop.Uri);
            throw new FetchRefusedException(log.LastFailure is { } last
                ? $"{last}, then circuit breaker open for {host} after repeated failures; no more tries"
                : $"circuit breaker open for {host} after repeated failures; not requested");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(HopRequest hop, AttemptLog log, CancellationToken cancellationToken)
    {
        // The wait for the host's turn comes before the per-try timeout starts, so a queue cannot time a try out.
        await throttle.WaitTurnAsync(FetchPipelines.HostKey(hop.Uri), cancellationToken);
        log.CountAttempt();
        return await pipelines.Attempt.ExecuteAsync(
            static (state, ct) => state.Self.SendAndReadAsync(state.Hop, ct),
            (Self: this, Hop: hop),
            cancellationToken);
    }

    private async ValueTask<HttpResponseMessage> SendAndReadAsync(HopRequest hop, CancellationToken cancellationToken)
    {
        using var request = Build(hop);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        try
        {
            return await BufferAsync(response, request, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private HttpRequestMessage Build(HopRequest hop)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, hop.Uri) { Version = HttpVersion.Version11 };
        var headers = request.Headers;
        headers.TryAddWithoutValidation("User-Agent", options.UserAgent);
        headers.TryAddWithoutValidation("Accept", hop.IsRobotsTxt ? "text/plain, */*;q=0.5" : "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        headers.TryAddWithoutValidation("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5");
        // Automatic decompression is off: the fetcher decodes these itself, within MaxDecompressedBytes.
        headers.TryAddWithoutValidation("Accept-Encoding", "gzip, deflate, br");
        if (hop.Validators is { } validators)
        {
            if (validators.ETag is { } etag)
            {
                headers.TryAddWithoutValidation("If-None-Match", etag);
            }

            if (validators.LastModified is { } lastModified)
            {
                headers.IfModifiedSince = lastModified;
            }
        }

        request.Options.Set(FetchHandler.AllowNonPublicKey, hop.AllowNonPublic);
        return request;
    }

    private async Task<HttpResponseMessage> BufferAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var receivedAt = timeProvider.GetUtcNow();
        var declared = response.Content.Headers.ContentLength;
        if (declared > options.MaxBodyBytes)
        {
            throw BoundedRead.TooLarge(nameof(options.MaxBodyBytes), options.MaxBodyBytes);
        }

        var requestHead = HttpHead.OfRequest(request);
        var responseHead = HttpHead.OfResponse(response);
        byte[] body;
        await using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
        {
            body = await BoundedRead.ReadAllAsync(stream, options.MaxBodyBytes, nameof(options.MaxBodyBytes), declared, cancellationToken);
        }

        var buffered = new BufferedContent(body, requestHead, responseHead, receivedAt);
        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            foreach (var value in values)
            {
                buffered.Headers.TryAddWithoutValidation(name, value);
            }
        }

        response.Content.Dispose();
        response.Content = buffered;
        return response;
    }
}
