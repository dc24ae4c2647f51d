namespace NewsEtl.Fetching;

/// <summary>One GET the fetcher makes: a page, a redirect target or a robots.txt.</summary>
/// <param name="AllowNonPublic">May the connection go to a loopback/private/link-local address.</param>
/// <param name="Validators">Sent as If-None-Match / If-Modified-Since when present.</param>
internal sealed record HopRequest(Uri Uri, bool AllowNonPublic, CacheValidators? Validators = null, bool IsRobotsTxt = false);
