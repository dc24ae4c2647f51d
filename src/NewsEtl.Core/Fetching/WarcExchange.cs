namespace NewsEtl.Fetching;

/// <summary>One request and its response as they crossed the wire, for a pair of WARC records.</summary>
/// <param name="Body">The response body as received: chunking removed, Content-Encoding (gzip, br) still applied.</param>
internal sealed record WarcExchange(Uri TargetUri, DateTimeOffset Date, byte[] RequestHead, byte[] ResponseHead, byte[] Body);
