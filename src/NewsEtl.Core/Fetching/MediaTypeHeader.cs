namespace NewsEtl.Fetching;

/// <summary>Reads a raw Content-Type leniently: sites send "text/html;charset=GBK", quotes, stray semicolons.</summary>
internal static class MediaTypeHeader
{
    public const string Unknown = "application/octet-stream";

    public static (string MediaType, string? Charset) Parse(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return (Unknown, null);
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries);
        var mediaType = parts[0].ToLowerInvariant();
        string? charset = null;
        foreach (var part in parts.Skip(1))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && part[..eq].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                var value = part[(eq + 1)..].Trim().Trim('"', '\'').Trim();
                charset = value.Length == 0 ? null : value.ToLowerInvariant();
            }
        }

        return (mediaType.Length == 0 ? Unknown : mediaType, charset);
    }
}
