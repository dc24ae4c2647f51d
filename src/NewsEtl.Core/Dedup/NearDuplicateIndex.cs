namespace NewsEtl.Dedup;

/// <summary>
/// An article as the cross-page index knows it; <see cref="DuplicateOf"/> is the index's decision, set when the
/// article is added (null: the first of its group). A list of these, in the order added, is the whole index.
/// </summary>
public sealed record IndexedArticle(string Id, string ContentHash, uint[] Signature, int ShingleCount)
{
    public string? DuplicateOf { get; init; }
}

/// <summary>
/// Finds, for each new article, an earlier article it repeats: the same normalized body (exact), or a body whose
/// shingle sets resemble or contain each other (MinHash with banded locality-sensitive hashing), and answers with the
/// first article of that one's group. Articles must be added in a stable order so the first of a group is the same on
/// every run; an index carried over from an earlier run (<see cref="Entries"/>, <see cref="Restore"/>) answers as if
/// that run had never ended.
/// </summary>
public sealed class NearDuplicateIndex
{
    private readonly NearDuplicateOptions _options;
    private readonly MinHasher _hasher;

    // One entry per article, in the order added, held column by column: a record object and a 64-character hash
    // string per article would be most of the index.
    private readonly List<ArticleId> _ids;
    private readonly List<ContentKey> _hashes;
    private readonly List<string?> _duplicateOf;
    private readonly List<int> _shingleCounts;
    private readonly Dictionary<ArticleId, int> _byId;

    // For each content, the first of the group of the first article with it: that article's own id (the entry's
    // number, ≥ 0; an entry keeps its id when replaced) or the group's first it was matched to (~ its place in _groupFirsts).
    private readonly Dictionary<ContentKey, int> _firstByHash;
    private readonly List<string> _groupFirsts = [];
    private readonly BandBuckets _buckets;
    private readonly SignatureArena _signatures;
    private readonly List<int> _candidates = [];
    private readonly ushort[] _query;

    /// <param name="options">How signatures are made and compared.</param>
    /// <param name="capacity">
    /// Articles expected, when known (a run's write phase counts them first): every table is made that large at once,
    /// so the index never holds a table and its doubled copy together. More or fewer may still be added.
    /// </param>
    public NearDuplicateIndex(NearDuplicateOptions options, int capacity = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        _options = options;
        _hasher = new MinHasher(options);
        _ids = new(capacity);
        _hashes = new(capacity);
        _duplicateOf = new(capacity);
        _shingleCounts = new(capacity);
        _byId = new(capacity);
        _firstByHash = new(capacity);
        _signatures = new SignatureArena(options.SignatureLength, capacity);
        _buckets = new BandBuckets(options.Bands, options.RowsPerBand, _signatures, capacity);
        _query = new ushort[options.SignatureLength];
        Entries = new EntryList(this);
    }

    /// <summary>Names how signatures are made; stored entries made under another scheme must be fingerprinted again.</summary>
    public string Scheme => $"{MinHasher.Algorithm}/k{_options.ShingleLength}/n{_options.SignatureLength}/min{_options.MinimumLength}";

    public int Count => _ids.Count;

    /// <summary>
    /// Every article added, in the order added, with the decision taken for it; each signature in the form the index
    /// keeps (the low 16 bits of each value), which <see cref="Restore"/> takes back unchanged.
    /// </summary>
    public IReadOnlyList<IndexedArticle> Entries { get; }

    /// <summary>Prepares an article's fingerprint (pure; may run in parallel).</summary>
    public IndexedArticle Fingerprint(string id, string contentHash, string normalizedBody)
    {
        var (signature, shingles) = normalizedBody.Length >= _options.MinimumLength
            ? _hasher.Signature(normalizedBody)
            : ([], 0);
        return new IndexedArticle(id, contentHash, signature, shingles);
    }

    /// <summary>
    /// The id of the first article of the group of the earliest article this one repeats, or null; then adds it.
    /// An id already in the index with the same content gets its earlier answer again (a page seen in an earlier run
    /// keeps its place); with other content it is matched again and its entry replaced.
    /// </summary>
    public string? FindAndAdd(IndexedArticle article)
    {
        CheckLength(article);
        var hash = ContentKey.From(article.ContentHash);
        var id = ArticleId.From(article.Id);
        var known = _byId.TryGetValue(id, out var at) ? at : -1;
        if (known >= 0 && _hashes[known] == hash)
        {
            return _duplicateOf[known];
        }

        var match = _firstByHash.TryGetValue(hash, out var first)
            ? first >= 0 ? _ids[first].ToString() : _groupFirsts[~first]
            : FindSimilar(article, known);
        if (string.Equals(match, article.Id, StringComparison.Ordinal))
        {
            match = null;
        }

        Add(article, id, hash, match, known);
        return match;
    }

    /// <summary>Puts back the entries of an earlier run (<see cref="Entries"/>), in their order, deciding nothing again.</summary>
    public void Restore(IEnumerable<IndexedArticle> entries)
    {
        foreach (var entry in entries)
        {
            CheckLength(entry);
            var id = ArticleId.From(entry.Id);
            Add(entry, id, ContentKey.From(entry.ContentHash), entry.DuplicateOf, _byId.TryGetValue(id, out var at) ? at : -1);
        }
    }

    private void CheckLength(IndexedArticle entry)
    {
        if (entry.Signature.Length != 0 && entry.Signature.Length != _options.SignatureLength)
        {
            throw new InvalidOperationException(
                $"stored article {entry.Id} has a signature of {entry.Signature.Length} values but the index uses {_options.SignatureLength} "
                + $"({Scheme}): fingerprint the stored bodies again, or index with the options they were stored under.");
        }
    }

    /// <summary>The article's signature as the arena keeps it (low 16 bits of each value), in a buffer reused per call.</summary>
    private ReadOnlySpan<ushort> Kept(IndexedArticle article)
    {
        if (article.Signature.Length == 0)
        {
            return [];
        }

        SignatureArena.Truncate(article.Signature, _query);
        return _query;
    }

    private void Add(IndexedArticle entry, ArticleId id, ContentKey hash, string? duplicateOf, int replace)
    {
        // The signature lives in the arena (contiguous, quick to compare, and where the band table reads its keys).
        var index = replace >= 0 ? replace : _ids.Count;
        if (replace >= 0)
        {
            _buckets.Retire(index, _signatures.Get(index));
            _ids[index] = id;
            _hashes[index] = hash;
            _duplicateOf[index] = duplicateOf;
            _shingleCounts[index] = entry.ShingleCount;
        }
        else
        {
            _ids.Add(id);
            _hashes.Add(hash);
            _duplicateOf.Add(duplicateOf);
            _shingleCounts.Add(entry.ShingleCount);
            _byId[id] = index;
        }

        var signature = Kept(entry);
        _signatures.Set(index, signature);
        if (!_firstByHash.ContainsKey(hash))
        {
            _firstByHash[hash] = duplicateOf is null ? index : ~_groupFirsts.Count;
            if (duplicateOf is not null)
            {
                _groupFirsts.Add(duplicateOf);
            }
        }
        if (signature.Length > 0)
        {
            _buckets.Add(signature, index);
        }
    }

    private string? FindSimilar(IndexedArticle article, int self)
    {
        var signature = Kept(article);
        if (signature.Length == 0)
        {
            return null;
        }

        _candidates.Clear();
        _buckets.Collect(signature, _candidates);

        // Lowest index first: the earliest similar article decides, and its group's first is the answer.
        _candidates.Sort();
        for (var c = 0; c < _candidates.Count; c++)
        {
            var index = _candidates[c];
            if ((c > 0 && index == _candidates[c - 1]) || index == self)
            {
                continue;
            }

            if (Similar(_signatures.Get(index), _shingleCounts[index], signature, article.ShingleCount))
            {
                return _duplicateOf[index] ?? _ids[index].ToString();
            }
        }

        return null;
    }

    private bool Similar(ReadOnlySpan<ushort> a, int aCount, ReadOnlySpan<ushort> b, int bCount)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        var resemblance = (double)MinHasher.Agreements(a, b) / b.Length;
        if (resemblance >= _options.Threshold)
        {
            return true;
        }

        // Containment of the smaller set in the larger (a truncated copy), from the resemblance and the set sizes:
        // |A∩B| = J(|A|+|B|)/(1+J). Only between sizes within a factor of two, where the estimate is not too noisy.
        var (small, large) = (Math.Min(aCount, bCount), Math.Max(aCount, bCount));
        if (_options.ContainmentThreshold is not { } least || small == 0 || large > 2 * small)
        {
            return false;
        }

        return resemblance * (small + large) / ((1 + resemblance) * small) >= least;
    }

    /// <summary>The entries with their signatures put back, built on demand (for saving, not for matching).</summary>
    private sealed class EntryList(NearDuplicateIndex index) : IReadOnlyList<IndexedArticle>
    {
        public int Count => index._ids.Count;

        public IndexedArticle this[int position] =>
            new(index._ids[position].ToString(), index._hashes[position].ToString(), Widen(index._signatures.Get(position)), index._shingleCounts[position])
            {
                DuplicateOf = index._duplicateOf[position],
            };

        public IEnumerator<IndexedArticle> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private static uint[] Widen(ReadOnlySpan<ushort> kept)
        {
            var signature = new uint[kept.Length];
            for (var i = 0; i < kept.Length; i++)
            {
                signature[i] = kept[i];
            }

            return signature;
        }
    }
}
