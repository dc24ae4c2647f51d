namespace NewsEtl.Loading;

/// <summary>A parsed Content-Type value: the lower-case media type and the parameters the loader needs.</summary>
internal sealed record ContentType(string MediaType, string? Charset, string? Boundary)
{
    public bool IsHtml => MediaType is "text/html" or "application/xhtml+xml";

    public bool IsMultipart => MediaType.StartsWith("multipart/", StringComparison.Ordinal);

    public static ContentType? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = SplitParameters(value);
        string? charset = null;
        string? boundary = null;
        foreach (var parameter in parts.Skip(1))
        {
            var equals = parameter.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var name = parameter[..equals].Trim();
            var raw = Unquote(parameter[(equals + 1)..].Trim());
            if (name.Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset ??= raw.Length == 0 ? null : raw;
            }
            else if (name.Equals("boundary", StringComparison.OrdinalIgnoreCase))
            {
                boundary ??= raw.Length == 0 ? null : raw;
            }
        }

        return new ContentType(parts[0].Trim().ToLowerInvariant(), charset, boundary);
    }

    // Splits on ';' outside double quotes: boundaries may contain ';' when quoted.
    private static List<string> SplitParameters(string value)
    {
        var parts = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '"')
            {
                quoted = !quoted;
            }
            else if (value[i] == '\\' && quoted)
            {
                i++;
            }
            else if (value[i] == ';' && !quoted)
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        parts.Add(value[start..]);
        return parts;
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var inner = value[1..^1];
        return inner.Contains('\\') ? System.Text.RegularExpressions.Regex.Replace(inner, @"\\(.)", "$1") : inner;
    }
}
