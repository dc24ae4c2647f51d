using System.Text;

namespace NewsEtl.Loading;

/// <summary>An RFC 822 style header block (MIME parts, HTTP responses, WARC records): case-insensitive names, folded lines joined.</summary>
internal sealed class MimeHeaders
{
    private readonly List<KeyValuePair<string, string>> fields;

    private MimeHeaders(List<KeyValuePair<string, string>> fields) => this.fields = fields;

    /// <summary>The first value given for <paramref name="name"/>, trimmed; null when absent.</summary>
    public string? this[string name] =>
        fields.FirstOrDefault(f => f.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Builds headers from lines already split (no line ends), stopping at nothing: the caller stops at the blank line.</summary>
    public static MimeHeaders FromLines(IEnumerable<string> lines)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in lines)
        {
            Add(fields, line);
        }

        return new MimeHeaders(fields);
    }

    /// <summary>Parses the header block at the start of <paramref name="data"/>; false when it has no blank line ending it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out MimeHeaders headers, out int bodyStart)
    {
        var fields = new List<KeyValuePair<string, string>>();
        var position = 0;
        while (position < data.Length)
        {
            var newline = data[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                break;
            }

            var line = data.Slice(position, newline);
            position += newline + 1;
            if (line.Length > 0 && line[^1] == '\r')
            {
                line = line[..^1];
            }

            if (line.IsEmpty)
            {
                headers = new MimeHeaders(fields);
                bodyStart = position;
                return true;
            }

            Add(fields, Encoding.UTF8.GetString(line));
        }

        headers = new MimeHeaders(fields);
        bodyStart = data.Length;
        return false;
    }

    private static void Add(List<KeyValuePair<string, string>> fields, string line)
    {
        if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
        {
            // A folded line continues the previous header's value.
            if (fields.Count > 0)
            {
                var last = fields[^1];
                fields[^1] = new(last.Key, (last.Value + " " + line.Trim()).Trim());
            }

            return;
        }

        var colon = line.IndexOf(':');
        if (colon > 0)
        {
            fields.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
    }
}
