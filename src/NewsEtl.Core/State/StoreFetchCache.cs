using System.Globalization;
using NewsEtl.Fetching;

namespace NewsEtl.State;

/// <summary>Keeps fetch validators (ETag, Last-Modified) in the run store, so tomorrow's run asks "changed since?".</summary>
public sealed class StoreFetchCache(RunStore store) : IFetchCache
{
    public ValueTask<CacheValidators?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        if (store.FetchValidators(url.ToString()) is not { } stored)
        {
            return ValueTask.FromResult<CacheValidators?>(null);
        }

        DateTimeOffset? modified = DateTimeOffset.TryParse(stored.LastModified, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
        return ValueTask.FromResult<CacheValidators?>(new CacheValidators(stored.ETag, modified));
    }

    public ValueTask SetAsync(Uri url, CacheValidators validators, CancellationToken cancellationToken)
    {
        store.SaveFetchValidators(url.ToString(), validators.ETag, validators.LastModified?.ToString("O", CultureInfo.InvariantCulture));
        return ValueTask.CompletedTask;
    }
}
