namespace NewsEtl.Fetching;

/// <summary>Remembers, per URL, the validators of the last copy fetched, so the next run can ask "changed since?".</summary>
public interface IFetchCache
{
    /// <summary>The validators stored for <paramref name="url"/>, or null when it was never fetched.</summary>
    ValueTask<CacheValidators?> GetAsync(Uri url, CancellationToken cancellationToken);

    /// <summary>Stores the validators of the copy just fetched from <paramref name="url"/>.</summary>
    ValueTask SetAsync(Uri url, CacheValidators validators, CancellationToken cancellationToken);
}
