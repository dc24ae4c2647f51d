using System.Collections.Concurrent;
using System.Text;

namespace NewsEtl.Fetching;

/// <summary>
/// Fetches each origin's robots.txt once per run and answers "may this URL be fetched?". Per RFC 9309: a 4xx
/// means no rules (allow all); a 5xx, a network failure or a timeout means the file is unreachable, and the
/// whole origin is treated as disallowed for this run rather than guessed at.
/// </summary>
internal sealed class RobotsPolicy(HttpRequester requester, FetchPipelines pipelines, FetchOptions options, CancellationToken lifetime)
{
    private const int MaxRedirects = 5;

    // RFC 9309 §2.5: parse at least the first 500 KiB.
    private const int ParseLimit = 512 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<Task<RobotsRules>>> _origins = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Null when the URL may be fetched, else the rejection reason ("disallowed by robots.txt ...").</summary>
    public async Task<string?> RefusalAsync(Uri uri, bool allowNonPublic, CancellationToken cancellationToken)
    {
        var origin = uri.GetLeftPart(UriPartial.Authority);
        // The load runs on the fetcher's lifetime, not this caller's token, because every URL of the origin shares it.
        var load = _origins.GetOrAdd(origin, o => new Lazy<Task<RobotsRules>>(() => LoadAsync(new Uri(new Uri(o), "/robots.txt"), allowNonPublic)));
        var rules = await load.Value.WaitAsync(cancellationToken);
        var (allowed, rule) = rules.Check(uri.PathAndQuery);
        return allowed ? null : $"disallowed by robots.txt ({rules.Note ?? rule})";
    }

    private async Task<RobotsRules> LoadAsync(Uri robotsUri, bool allowNonPublic)
    {
        try
        {
            return await pipelines.Overall.ExecuteAsync(
                static (state, ct) => new ValueTask<RobotsRules>(state.Self.FollowAsync(state.Uri, state.AllowNonPublic, ct)),
                (Self: this, Uri: robotsUri, AllowNonPublic: allowNonPublic),
                lifetime);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return RobotsRules.DisallowingAll($"robots.txt unreachable: {FetchFailure.Describe(e, options)}; RFC 9309 says assume complete disallow");
        }
    }

    private async Task<RobotsRules> FollowAsync(Uri robotsUri, bool allowNonPublic, CancellationToken cancellationToken)
    {
        var current = robotsUri;
        var log = new AttemptLog();
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            using var response = await requester.SendAsync(new HopRequest(current, allowNonPublic, IsRobotsTxt: true), log, cancellationToken);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                current = new Uri(current, location);
                if (current.Scheme != Uri.UriSchemeHttp && current.Scheme != Uri.UriSchemeHttps)
                {
                    return RobotsRules.AllowingAll("robots.txt redirected to a non-http URL: treated as unavailable");
                }

                if (!allowNonPublic && AddressGuard.NamesNonPublicHost(current))
                {
                    return RobotsRules.DisallowingAll($"robots.txt redirected to non-public {current.Host}: treated as unreachable");
                }

                continue;
            }

            if (status is >= 200 and < 300)
            {
                var content = (BufferedContent)response.Content;
                var bytes = await ContentDecoder.DecodeAsync(
                    content.Body, HttpHead.Value(content.Headers, "Content-Encoding"), options.MaxDecompressedBytes, cancellationToken);
                var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, ParseLimit)).TrimStart('\uFEFF');
                return RobotsRules.Parse(text, options.ProductToken);
            }

            if (status >= 500)
            {
                return RobotsRules.DisallowingAll($"robots.txt answered HTTP {status}; RFC 9309 says assume complete disallow");
            }

            return RobotsRules.AllowingAll($"robots.txt answered HTTP {status}: no rules");
        }

        return RobotsRules.AllowingAll($"robots.txt redirected more than {MaxRedirects} times: treated as unavailable");
    }
}
