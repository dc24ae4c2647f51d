using System.Collections.Concurrent;

namespace NewsEtl.Fetching;

/// <summary>An <see cref="IFetchCache"/> that lives as long as the process; a persistent one can replace it.</summary>
public sealed class InMemoryFetchCache : IFetchCache
{
    private readonly ConcurrentDictionary<string, CacheValidators> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ValueTask<CacheValidators?> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        return ValueTask.FromResult(_entries.TryGetValue(url.AbsoluteUri, out var found) ? found : null);
    }

    public ValueTask SetAsync(Uri url, CacheValidators validators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(validators);
        _entries[url.AbsoluteUri] = validators;
        return ValueTask.CompletedTask;
    }
}
