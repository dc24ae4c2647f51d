using NewsEtl.Model;

namespace NewsEtl.Fetching;

/// <summary>Reads a URL list: one absolute http(s) URL per line; blank lines and lines starting with '#' are skipped.</summary>
public static class UrlList
{
    /// <summary>Parses the list; a bad line becomes a rejection (Source = the line, Reason names its number), never an exception.</summary>
    public static UrlListResult Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var urls = new List<Uri>();
        var rejections = new List<Rejection>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var number = 0;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (!Uri.TryCreate(line, UriKind.Absolute, out var uri))
            {
                rejections.Add(new Rejection(line, "fetch", $"line {number}: not an absolute URL", true));
            }
            else if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            {
                rejections.Add(new Rejection(line, "fetch", $"line {number}: scheme '{uri.Scheme}' is not http or https", true));
            }
            else if (string.IsNullOrEmpty(uri.Host))
            {
                rejections.Add(new Rejection(line, "fetch", $"line {number}: URL has no host", true));
            }
            else if (firstLine.TryGetValue(uri.AbsoluteUri, out var first))
            {
                // Expected, not a failure: the page is fetched once, for line `first`.
                rejections.Add(new Rejection(line, "fetch", $"line {number}: duplicate of line {first}", false));
            }
            else
            {
                firstLine.Add(uri.AbsoluteUri, number);
                urls.Add(uri);
            }
        }

        return new UrlListResult(urls, rejections);
    }
}
