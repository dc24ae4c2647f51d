using NewsEtl.Model;

namespace NewsEtl.Fetching;

/// <summary>
/// Follows one URL to a page: checks robots.txt, sends conditional headers, follows redirects itself
/// (http/https only, no loops, no jump from a public host to a non-public address), then decodes the body.
/// </summary>
internal sealed class FetchChain(HttpRequester requester, RobotsPolicy robots, IFetchCache cache, FetchOptions options)
{
    public async Task<ChainOutcome> RunAsync(Uri url, AttemptLog log, CancellationToken cancellationToken)
    {
        // A URL the user named on a private address may redirect within private space; a public one may not.
        var nonPublicRedirects = options.AllowPrivateRedirects || AddressGuard.NamesNonPublicHost(url);
        var visited = new HashSet<string>(StringComparer.Ordinal) { url.AbsoluteUri };
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            var allowNonPublic = redirects == 0 || nonPublicRedirects;
            if (options.RespectRobotsTxt && await robots.RefusalAsync(current, allowNonPublic, cancellationToken) is { } refusal)
            {
                // A deliberate skip, not a failure of the tool or the site.
                return new(FetchResult.Rejected(url, refusal, isFailure: false, log, current), null);
            }

            var validators = options.ConditionalRequests ? await cache.GetAsync(current, cancellationToken) : null;
            using var response = await requester.SendAsync(new HopRequest(current, allowNonPublic, validators), log, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is 301 or 302 or 303 or 307 or 308 && response.Headers.Location is { } location)
            {
                current = NextHop(current, location, redirects, visited, nonPublicRedirects);
                continue;
            }

            if (status == 304 && validators is not null)
            {
                return new(FetchResult.Unchanged(url, current, log), null);
            }

            if (status is < 200 or >= 300)
            {
                var where = current.AbsoluteUri == url.AbsoluteUri ? "" : $" from {current.AbsoluteUri}";
                return new(FetchResult.Rejected(url, $"HTTP {status} {response.ReasonPhrase}{where}", true, log, current, status), null);
            }

            return await AcceptAsync(url, current, response, log, cancellationToken);
        }
    }

    private async Task<ChainOutcome> AcceptAsync(Uri url, Uri final, HttpResponseMessage response, AttemptLog log, CancellationToken cancellationToken)
    {
        var content = (BufferedContent)response.Content;
        var bytes = await ContentDecoder.DecodeAsync(
            content.Body, HttpHead.Value(content.Headers, "Content-Encoding"), options.MaxDecompressedBytes, cancellationToken);
        var (mediaType, charset) = MediaTypeHeader.Parse(HttpHead.Value(content.Headers, "Content-Type"));
        var input = new RawInput(url.AbsoluteUri, bytes, final.AbsoluteUri, charset, mediaType);
        if (options.ConditionalRequests)
        {
            var validators = new CacheValidators(HttpHead.Value(response.Headers, "ETag"), content.Headers.LastModified);
            if (!validators.IsEmpty)
            {
                await cache.SetAsync(final, validators, cancellationToken);
            }
        }

        var exchange = new WarcExchange(final, content.ReceivedAt, content.RequestHead, content.ResponseHead, content.Body);
        return new(FetchResult.Fetched(url, input, final, (int)response.StatusCode, log), exchange);
    }

    private Uri NextHop(Uri current, Uri location, int redirects, HashSet<string> visited, bool nonPublicRedirects)
    {
        if (redirects >= options.MaxRedirects)
        {
            throw new FetchRefusedException($"too many redirects: more than MaxRedirects ({options.MaxRedirects})");
        }

        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme != Uri.UriSchemeHttp && next.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchRefusedException($"redirect to unsupported scheme '{next.Scheme}' ({next.OriginalString})");
        }

        if (!nonPublicRedirects && AddressGuard.NamesNonPublicHost(next))
        {
            throw new FetchRefusedException($"redirect to non-public address {next.Host} refused; set AllowPrivateRedirects to follow it");
        }

        if (!visited.Add(next.AbsoluteUri))
        {
            throw new FetchRefusedException($"redirect loop: {next.AbsoluteUri} was already visited");
        }

        return next;
    }
}
