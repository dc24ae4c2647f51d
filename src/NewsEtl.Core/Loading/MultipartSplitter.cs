using System.Text;

namespace NewsEtl.Loading;

/// <summary>Splits a multipart body at its "--boundary" lines (RFC 2046), telling whether the closing delimiter was reached.</summary>
internal static class MultipartSplitter
{
    public sealed record Result(List<(int Start, int Length)> Parts, string? Problem);

    public static Result Split(ReadOnlySpan<byte> body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<(int, int)>();
        var at = FindDelimiter(body, delimiter, 0);
        if (at < 0)
        {
            return new Result(parts, $"corrupt MHTML: boundary '{boundary}' never appears");
        }

        while (true)
        {
            var after = at + delimiter.Length;
            if (body[after..].StartsWith("--"u8))
            {
                return new Result(parts, null);
            }

            var newline = body[after..].IndexOf((byte)'\n');
            var next = newline < 0 ? -1 : FindDelimiter(body, delimiter, after + newline + 1);
            if (next < 0)
            {
                return new Result(parts, $"truncated MHTML: the closing boundary '--{boundary}--' is missing, the last part is cut off");
            }

            var start = after + newline + 1;
            // The line end before a delimiter belongs to the delimiter, not to the part.
            var end = next - 1;
            if (end > start && body[end - 1] == '\r')
            {
                end--;
            }

            parts.Add((start, Math.Max(0, end - start)));
            at = next;
        }
    }

    private static int FindDelimiter(ReadOnlySpan<byte> body, byte[] delimiter, int from)
    {
        while (from <= body.Length)
        {
            var found = body[from..].IndexOf(delimiter);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            if (at == 0 || body[at - 1] == '\n')
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }
}
