using System.Net.Http.Headers;
using System.Text;

namespace NewsEtl.Fetching;

/// <summary>Writes a request line or status line with its headers as HTTP/1.1 text, for the WARC records.</summary>
internal static class HttpHead
{
    public static byte[] OfRequest(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var text = new StringBuilder()
            .Append(request.Method.Method).Append(' ').Append(uri.PathAndQuery)
            .Append(" HTTP/").Append(request.Version.ToString(2)).Append("\r\n")
            .Append("Host: ").Append(uri.IsDefaultPort ? uri.IdnHost : $"{uri.IdnHost}:{uri.Port}").Append("\r\n");
        AppendHeaders(text, request.Headers);
        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>
    /// The status line and headers as received. Transfer-Encoding is left out: the body stored after this head
    /// has had its chunking removed by the client, so a reader must not try to de-chunk it.
    /// </summary>
    public static byte[] OfResponse(HttpResponseMessage response)
    {
        var text = new StringBuilder()
            .Append("HTTP/").Append(response.Version.ToString(2)).Append(' ')
            .Append((int)response.StatusCode).Append(' ').Append(response.ReasonPhrase).Append("\r\n");
        AppendHeaders(text, response.Headers, "Transfer-Encoding");
        AppendHeaders(text, response.Content.Headers);
        return Encoding.Latin1.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>A header's values as received (comma-joined), or null.</summary>
    public static string? Value(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) && values.Count > 0 ? string.Join(", ", values) : null;

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers, string? skip = null)
    {
        foreach (var (name, values) in headers.NonValidated)
        {
            if (skip is not null && name.Equals(skip, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                text.Append(name).Append(": ").Append(value).Append("\r\n");
            }
        }
    }
}
