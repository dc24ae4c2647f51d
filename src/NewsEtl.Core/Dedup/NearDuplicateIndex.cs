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
    private readonly List<IndexedArticle> _entries = [];
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _firstByHash = new(StringComparer.Ordinal);
    private readonly BandBuckets _buckets;
    private readonly SignatureArena _signatures;
    private readonly List<int> _shingleCounts = [];
    private readonly List<int> _candidates = [];

    public NearDuplicateIndex(NearDuplicateOptions options)
    {
        _options = options;
        _hasher = new MinHasher(options);
        _buckets = new BandBuckets(options.Bands, options.RowsPerBand);
        _signatures = new SignatureArena(options.SignatureLength);
        Entries = new EntryList(this);
    }

    /// <summary>Names how signatures are made; stored entries made under another scheme must be fingerprinted again.</summary>
    public string Scheme => $"{MinHasher.Algorithm}/k{_options.ShingleLength}/n{_options.SignatureLength}/min{_options.MinimumLength}";

    public int Count => _entries.Count;

    /// <summary>Every article added, in the order added, with the decision taken for it: what a run store saves.</summary>
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
        var known = _byId.TryGetValue(article.Id, out var at) ? at : -1;
        if (known >= 0 && string.Equals(_entries[known].ContentHash, article.ContentHash, StringComparison.Ordinal))
        {
            return _entries[known].DuplicateOf;
        }

        var match = _firstByHash.GetValueOrDefault(article.ContentHash) ?? FindSimilar(article, known);
        if (string.Equals(match, article.Id, StringComparison.Ordinal))
        {
            match = null;
        }

        Add(article with { DuplicateOf = match }, known);
        return match;
    }

    /// <summary>Puts back the entries of an earlier run (<see cref="Entries"/>), in their order, deciding nothing again.</summary>
    public void Restore(IEnumerable<IndexedArticle> entries)
    {
        foreach (var entry in entries)
        {
            if (entry.Signature.Length != 0 && entry.Signature.Length != _options.SignatureLength)
            {
                throw new InvalidOperationException(
                    $"stored article {entry.Id} has a signature of {entry.Signature.Length} values but the index uses {_options.SignatureLength} "
                    + $"({Scheme}): fingerprint the stored bodies again, or index with the options they were stored under.");
            }

            Add(entry, _byId.TryGetValue(entry.Id, out var at) ? at : -1);
        }
    }

    private void Add(IndexedArticle entry, int replace)
    {
        // The signature lives in the arena (contiguous, quick to compare); the entry keeps the rest.
        var slim = entry with { Signature = [] };
        var index = replace >= 0 ? replace : _entries.Count;
        if (replace >= 0)
        {
            _entries[index] = slim;
            _shingleCounts[index] = entry.ShingleCount;
        }
        else
        {
            _entries.Add(slim);
            _shingleCounts.Add(entry.ShingleCount);
            _byId[entry.Id] = index;
        }

        _signatures.Set(index, entry.Signature);
        _firstByHash.TryAdd(entry.ContentHash, entry.DuplicateOf ?? entry.Id);
        if (entry.Signature.Length > 0)
        {
            _buckets.Add(entry.Signature, index);
        }
    }

    private string? FindSimilar(IndexedArticle article, int self)
    {
        if (article.Signature.Length == 0)
        {
            return null;
        }

        _candidates.Clear();
        _buckets.Collect(article.Signature, _candidates);

        // Lowest index first: the earliest similar article decides, and its group's first is the answer.
        _candidates.Sort();
        for (var c = 0; c < _candidates.Count; c++)
        {
            var index = _candidates[c];
            if ((c > 0 && index == _candidates[c - 1]) || index == self)
            {
                continue;
            }

            if (Similar(_signatures.Get(index), _shingleCounts[index], article.Signature, article.ShingleCount))
            {
                var entry = _entries[index];
                return entry.DuplicateOf ?? entry.Id;
            }
        }

        return null;
    }

    private bool Similar(ReadOnlySpan<uint> a, int aCount, uint[] b, int bCount)
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
        public int Count => index._entries.Count;

        public IndexedArticle this[int position] =>
            index._entries[position] with { Signature = index._signatures.Get(position).ToArray() };

        public IEnumerator<IndexedArticle> GetEnumerator()
        {
            for (var i = 0; i < Count; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
