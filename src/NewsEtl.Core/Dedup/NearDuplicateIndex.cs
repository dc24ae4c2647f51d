namespace NewsEtl.Dedup;

/// <summary>An article as the cross-page index knows it.</summary>
public sealed record IndexedArticle(string Id, string ContentHash, uint[] Signature, int ShingleCount);

/// <summary>
/// Finds, for each new article, an earlier article it repeats: the same normalized body (exact), or a body whose
/// shingle sets resemble or contain each other (MinHash with banded locality-sensitive hashing).
/// Articles must be added in a stable order so the first of a group is the same on every run.
/// </summary>
public sealed class NearDuplicateIndex(NearDuplicateOptions options)
{
    private readonly MinHasher _hasher = new(options);
    private readonly Dictionary<string, string> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Band, ulong Key), List<int>> _buckets = [];
    private readonly List<IndexedArticle> _articles = [];

    public int Count => _byHash.Count;

    /// <summary>Prepares an article's fingerprint (pure; may run in parallel).</summary>
    public IndexedArticle Fingerprint(string id, string contentHash, string normalizedBody)
    {
        var (signature, shingles) = normalizedBody.Length >= options.MinimumLength
            ? _hasher.Signature(normalizedBody)
            : ([], 0);
        return new IndexedArticle(id, contentHash, signature, shingles);
    }

    /// <summary>The id of the earlier article this one repeats, or null; then adds it to the index.</summary>
    public string? FindAndAdd(IndexedArticle article)
    {
        if (_byHash.TryGetValue(article.ContentHash, out var first))
        {
            return first;
        }

        string? match = null;
        if (article.Signature.Length > 0)
        {
            var candidates = new SortedSet<int>();
            for (var band = 0; band < options.Bands; band++)
            {
                if (_buckets.TryGetValue((band, BandKey(article.Signature, band)), out var list))
                {
                    candidates.UnionWith(list);
                }
            }

            // Lowest index first: the earliest article of the group wins.
            foreach (var index in candidates)
            {
                if (Similar(_articles[index], article))
                {
                    match = _articles[index].Id;
                    break;
                }
            }
        }

        _byHash[article.ContentHash] = match ?? article.Id;
        if (match is null && article.Signature.Length > 0)
        {
            var index = _articles.Count;
            _articles.Add(article);
            for (var band = 0; band < options.Bands; band++)
            {
                var key = (band, BandKey(article.Signature, band));
                if (!_buckets.TryGetValue(key, out var list))
                {
                    _buckets[key] = list = [];
                }

                list.Add(index);
            }
        }

        return match;
    }

    private bool Similar(IndexedArticle a, IndexedArticle b)
    {
        var resemblance = MinHasher.Resemblance(a.Signature, b.Signature);
        if (resemblance >= options.Threshold)
        {
            return true;
        }

        // Containment of the smaller set in the larger, from the resemblance and the set sizes.
        var small = Math.Min(a.ShingleCount, b.ShingleCount);
        var total = a.ShingleCount + b.ShingleCount;
        var containment = small == 0 ? 0 : resemblance * total / ((1 + resemblance) * small);
        return containment >= options.Threshold && resemblance > 0.1;
    }

    private ulong BandKey(uint[] signature, int band)
    {
        var h = 1469598103934665603UL;
        for (var r = 0; r < options.RowsPerBand; r++)
        {
            h = (h ^ signature[(band * options.RowsPerBand) + r]) * 1099511628211UL;
        }

        return h;
    }
}
