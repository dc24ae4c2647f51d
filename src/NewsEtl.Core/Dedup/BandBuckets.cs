namespace NewsEtl.Dedup;

/// <summary>
/// The LSH table: for each band of a signature, the articles whose band has the same 32-bit key. It holds
/// bands × articles entries, so an entry is one 32-bit word: the article's number and a few bits of its key. The key
/// itself is not stored but made again from the article's signature in the arena when those bits agree, so each band
/// entry takes 4 bytes (5.3–11 with the table's free places) instead of a key, a value and a list per bucket. A rare
/// false key collision only adds a candidate, which is then checked, as before.
/// </summary>
internal sealed class BandBuckets
{
    /// <summary>Articles are numbered in the low bits (plus one: 0 marks a free place), the key's top bits above them.</summary>
    public const int MaximumArticles = (1 << ArticleBits) - 2;

    private const int ArticleBits = 26;
    private const uint ArticleMask = (1u << ArticleBits) - 1;

    private readonly int _bands;
    private readonly int _rows;
    private readonly SignatureArena _signatures;
    private readonly BandTable[] _tables;

    // Signatures an article had before its entry was replaced: it stays a candidate for their bands, as it did when
    // each bucket listed its articles. Only an index restored and then given changed articles has any.
    private readonly Dictionary<int, List<ushort[]>> _retired = [];

    /// <param name="capacity">Articles expected: the tables start large enough for them and are never rebuilt on the way.</param>
    public BandBuckets(int bands, int rows, SignatureArena signatures, int capacity = 0)
    {
        (_bands, _rows, _signatures) = (bands, rows, signatures);
        var length = BandTable.LengthFor(Math.Min(capacity, MaximumArticles));
        _tables = new BandTable[bands];
        for (var band = 0; band < bands; band++)
        {
            _tables[band] = new BandTable(length);
        }
    }

    /// <summary>Files the article under each band of its signature, which must already be in the arena.</summary>
    public void Add(ReadOnlySpan<ushort> signature, int article)
    {
        if (article > MaximumArticles)
        {
            throw new InvalidOperationException($"the duplicate index holds at most {MaximumArticles} articles.");
        }

        // Every article has an entry in every band, so the tables fill up together and are rebuilt together.
        if (_tables[0].Full)
        {
            Rebuild(article);
        }

        for (var band = 0; band < _bands; band++)
        {
            _tables[band].Add(Key(signature, band), (uint)article + 1);
        }
    }

    /// <summary>
    /// Doubles the tables and files every article (but <paramref name="except"/>) again under its current signature,
    /// reading the arena in order rather than once per entry. Entries of replaced signatures are not carried over:
    /// they could only ever be found under the current keys, as a repeat.
    /// </summary>
    private void Rebuild(int except)
    {
        foreach (var table in _tables)
        {
            table.Clear(doubled: true);
        }

        for (var article = 0; article < _signatures.Count; article++)
        {
            var signature = _signatures.Get(article);
            if (article == except || signature.Length == 0)
            {
                continue;
            }

            for (var band = 0; band < _bands; band++)
            {
                _tables[band].Add(Key(signature, band), (uint)article + 1);
            }
        }
    }

    /// <summary>Keeps an article's signature before it is replaced, so the old signature's bands still make it a candidate.</summary>
    public void Retire(int article, ReadOnlySpan<ushort> signature)
    {
        if (signature.Length == 0)
        {
            return;
        }

        if (!_retired.TryGetValue(article, out var old))
        {
            _retired[article] = old = [];
        }

        old.Add(signature.ToArray());
    }

    /// <summary>Adds to <paramref name="found"/> every article sharing a band with the signature (repeats included).</summary>
    public void Collect(ReadOnlySpan<ushort> signature, List<int> found)
    {
        for (var band = 0; band < _bands; band++)
        {
            var key = Key(signature, band);
            var table = _tables[band];
            var mask = table.Mask;
            for (var i = (int)(key & mask); table[i] is var entry && entry != 0; i = (i + 1) & mask)
            {
                if (entry >> ArticleBits == key >> ArticleBits && Key(ArticleOf(entry), band) == key)
                {
                    found.Add(ArticleOf(entry));
                }
            }
        }

        foreach (var (article, old) in _retired)
        {
            if (SharesBand(signature, old))
            {
                found.Add(article);
            }
        }
    }

    private static int ArticleOf(uint entry) => (int)(entry & ArticleMask) - 1;

    private bool SharesBand(ReadOnlySpan<ushort> signature, List<ushort[]> others)
    {
        foreach (var other in others)
        {
            for (var band = 0; band < _bands; band++)
            {
                if (Key(other, band) == Key(signature, band))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The key of the article's band under its current signature; 0 (no key) without one. Entries filed under a
    /// replaced signature's keys are found through <see cref="_retired"/> instead.
    /// </summary>
    private uint Key(int article, int band)
    {
        var signature = _signatures.Get(article);
        return signature.Length > 0 ? Key(signature, band) : 0;
    }

    private uint Key(ReadOnlySpan<ushort> signature, int band)
    {
        var h = 0x9E3779B97F4A7C15UL;
        var rows = signature.Slice(band * _rows, _rows);
        foreach (var value in rows)
        {
            h = MinHasher.Mix(h ^ value);
        }

        // Never 0, so a key never looks like an empty place.
        return Math.Max(1u, (uint)(h >> 32));
    }

    /// <summary>Linear probing over one array of entries, doubled at three quarters full; several entries may share a key.</summary>
    private sealed class BandTable
    {
        private uint[] _entries;
        private int _count;

        public BandTable(int length) => _entries = new uint[length];

        /// <summary>The smallest power of two, at least 64, that holds <paramref name="count"/> entries under three quarters full.</summary>
        public static int LengthFor(int count)
        {
            var length = 64;
            while ((long)count * 4 >= (long)length * 3)
            {
                length *= 2;
            }

            return length;
        }

        public int Mask => _entries.Length - 1;

        public bool Full => _count * 4 >= _entries.Length * 3;

        public uint this[int place] => _entries[place];

        public void Add(uint key, uint article)
        {
            var mask = Mask;
            var i = (int)(key & mask);
            while (_entries[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _entries[i] = ((key >> ArticleBits) << ArticleBits) | article;
            _count++;
        }

        /// <summary>Empties the table, twice as large when <paramref name="doubled"/>.</summary>
        public void Clear(bool doubled)
        {
            var length = _entries.Length * (doubled ? 2 : 1);
            _entries = []; // the old array can go before the new one is made
            _entries = new uint[length];
            _count = 0;
        }
    }
}
