namespace NewsEtl.Fetching;

/// <summary>What a server said identifies the copy it sent: its ETag (quotes included, as sent) and Last-Modified date.</summary>
public sealed record CacheValidators(string? ETag, DateTimeOffset? LastModified)
{
    public bool IsEmpty => ETag is null && LastModified is null;
}
