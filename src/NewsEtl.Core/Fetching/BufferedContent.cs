namespace NewsEtl.Fetching;

/// <summary>
/// A response body read in full inside one try (so the per-try timeout covers it), together with what the
/// WARC writer needs: the request and response heads as sent and received, and when the response came.
/// </summary>
internal sealed class BufferedContent(byte[] body, byte[] requestHead, byte[] responseHead, DateTimeOffset receivedAt)
    : ByteArrayContent(body)
{
    public byte[] Body { get; } = body;

    public byte[] RequestHead { get; } = requestHead;

    public byte[] ResponseHead { get; } = responseHead;

    public DateTimeOffset ReceivedAt { get; } = receivedAt;
}
