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
        var fields = new Fields();
        foreach (var line in lines)
        {
            fields.Add(line);
        }

        return new MimeHeaders(fields.ToList());
    }

    /// <summary>Parses the header block at the start of <paramref name="data"/>; false when it has no blank line ending it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out MimeHeaders headers, out int bodyStart)
    {
        var fields = new Fields();
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
                headers = new MimeHeaders(fields.ToList());
                bodyStart = position;
                return true;
            }

            fields.Add(Encoding.UTF8.GetString(line));
        }

        headers = new MimeHeaders(fields.ToList());
        bodyStart = data.Length;
        return false;
    }

    /// <summary>Fields as they are read; folded lines are gathered in a builder, since joining strings per line is quadratic.</summary>
    private sealed class Fields
    {
        private readonly List<(string Name, StringBuilder Value)> fields = [];

        public void Add(string line)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t'))
            {
                // A folded line continues the previous header's value.
                var more = line.Trim();
                if (fields.Count > 0 && more.Length > 0)
                {
                    var value = fields[^1].Value;
                    value.Append(value.Length > 0 ? " " : string.Empty).Append(more);
                }

                return;
            }

            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                fields.Add((line[..colon].Trim(), new StringBuilder(line[(colon + 1)..].Trim())));
            }
        }

        public List<KeyValuePair<string, string>> ToList() => fields.ConvertAll(f => new KeyValuePair<string, string>(f.Name, f.Value.ToString()));
    }
}
