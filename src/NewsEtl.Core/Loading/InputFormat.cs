namespace NewsEtl.Loading;

internal enum InputFormat
{
    Unsupported,
    Html,
    Text,
    Mhtml,
    Warc,
}

/// <summary>Tells a file's format from its name; extensions compare case-insensitively.</summary>
internal static class InputFormats
{
    public const string HtmlMediaType = "text/html";
    public const string TextMediaType = "text/plain";

    public static InputFormat FromFileName(string fileName) => Extension(fileName) switch
    {
        ".html" or ".htm" or ".shtml" or ".xhtml" => InputFormat.Html,
        ".txt" => InputFormat.Text,
        ".mhtml" or ".mht" => InputFormat.Mhtml,
        ".warc" or ".warc.gz" => InputFormat.Warc,
        _ => InputFormat.Unsupported,
    };

    /// <summary>The lower-case extension, keeping the double ".warc.gz"; empty when the name has none.</summary>
    public static string Extension(string fileName)
    {
        if (fileName.EndsWith(".warc.gz", StringComparison.OrdinalIgnoreCase))
        {
            return ".warc.gz";
        }

        return Path.GetExtension(fileName).ToLowerInvariant();
    }
}
