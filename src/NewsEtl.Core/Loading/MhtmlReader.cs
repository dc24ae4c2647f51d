using NewsEtl.Model;

namespace NewsEtl.Loading;

/// <summary>Finds the page in an MHTML file (a MIME multipart/related message): its first text/html part.</summary>
internal static class MhtmlReader
{
    private const int MaxNesting = 4;

    public static List<LoadItem> Read(ReadOnlySpan<byte> data, string source)
    {
        if (!MimeHeaders.TryParse(data, out var headers, out var bodyStart))
        {
            return [Corrupt(source, "truncated MHTML: the file ends inside its headers")];
        }

        var contentType = ContentType.Parse(headers["Content-Type"]);
        if (contentType is null)
        {
            return [Corrupt(source, "corrupt MHTML: no Content-Type header")];
        }

        // Chrome writes Snapshot-Content-Location at the top; the html part's own Content-Location wins when present.
        var pageUrl = headers["Snapshot-Content-Location"] ?? headers["Content-Location"];
        var search = new PartSearch(source, pageUrl);
        search.Visit(headers, contentType, data[bodyStart..], 0);

        // One file, one outcome: a page found whole stands even when a later part (an image, a style sheet) is cut off.
        // A rejection under the same source would replace its record in the run store.
        if (search.Found is { } page)
        {
            return [page];
        }

        return [search.Problem is { } problem ? Corrupt(source, problem) : LoadItem.Reject(source, "no text/html part in MHTML", isFailure: false)];
    }

    private static LoadItem Corrupt(string source, string reason) => LoadItem.Reject(source, reason, isFailure: true);

    /// <summary>Walks the parts depth-first; keeps the first html part and the first problem met.</summary>
    private sealed class PartSearch(string source, string? pageUrl)
    {
        public LoadItem? Found { get; private set; }

        public string? Problem { get; private set; }

        public void Visit(MimeHeaders headers, ContentType contentType, ReadOnlySpan<byte> body, int depth)
        {
            if (contentType.IsMultipart && depth < MaxNesting)
            {
                VisitMultipart(contentType, body, depth);
            }
            else if (contentType.IsHtml && Found is null)
            {
                TakeHtml(headers, contentType, body);
            }
        }

        private void VisitMultipart(ContentType contentType, ReadOnlySpan<byte> body, int depth)
        {
            if (contentType.Boundary is not { } boundary)
            {
                Problem ??= $"corrupt MHTML: {contentType.MediaType} Content-Type has no boundary";
                return;
            }

            var parts = MultipartSplitter.Split(body, boundary);
            foreach (var (start, length) in parts.Parts)
            {
                var part = body.Slice(start, length);
                if (!MimeHeaders.TryParse(part, out var partHeaders, out var partBody))
                {
                    Problem ??= "corrupt MHTML: a part has no blank line after its headers";
                    continue;
                }

                var partType = ContentType.Parse(partHeaders["Content-Type"]) ?? new ContentType("text/plain", null, null);
                Visit(partHeaders, partType, part[partBody..], depth + 1);
            }

            Problem ??= parts.Problem;
        }

        private void TakeHtml(MimeHeaders headers, ContentType contentType, ReadOnlySpan<byte> body)
        {
            var bytes = TransferEncodings.Decode(headers["Content-Transfer-Encoding"], body, out var problem);
            if (bytes is null)
            {
                Problem ??= $"corrupt MHTML: text/html part: {problem}";
                return;
            }

            if (bytes.Length == 0)
            {
                Problem ??= "corrupt MHTML: the text/html part is empty";
                return;
            }

            var url = headers["Content-Location"] ?? pageUrl;
            Found = LoadItem.Of(new RawInput(source, bytes, url, contentType.Charset, InputFormats.HtmlMediaType));
        }
    }
}
