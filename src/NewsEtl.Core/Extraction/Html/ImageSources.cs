using AngleSharp.Dom;

namespace NewsEtl.Extraction.Html;

/// <summary>Turns an &lt;img&gt; into an absolute URL, preferring lazy-load attributes over placeholder srcs.</summary>
internal sealed class ImageSources(string? pageUrl)
{
    private static readonly string[] Attributes = ["data-original", "data-src", "data-lazy-src", "data-actualsrc", "src"];
    private readonly Uri? baseUri = pageUrl is null ? null : new Uri(pageUrl);

    public string? UrlOf(IElement image)
    {
        if (IsIcon(image))
        {
            return null;
        }

        foreach (var name in Attributes)
        {
            var value = image.GetAttribute(name)?.Trim();
            if (string.IsNullOrEmpty(value) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return Resolve(value);
        }

        return null;
    }

    private string Resolve(string value)
    {
        // Jiemian writes image hosts protocol-relative ("//img1.jiemian.com/...").
        if (value.StartsWith("//", StringComparison.Ordinal))
        {
            return (baseUri?.Scheme ?? "https") + ":" + value;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        return baseUri is not null && Uri.TryCreate(baseUri, value, out var resolved) ? resolved.AbsoluteUri : value;
    }

    // Emoji and icons declared tiny are decoration inside text, not article images.
    private static bool IsIcon(IElement image) =>
        int.TryParse(image.GetAttribute("width"), out var w) && w < 40
        && int.TryParse(image.GetAttribute("height"), out var h) && h < 40;
}
