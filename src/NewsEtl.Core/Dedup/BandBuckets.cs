namespace NewsEtl.Dedup;

/// <summary>
/// The LSH table: for each band of a signature, a bucket keyed by that band's values, listing the articles in it.
/// It holds bands × articles keys, so it is kept small: one open-addressing table of 32-bit keys per band (a rare
/// false collision only adds a candidate, which is then checked), and a bucket with one article stores it inline.
/// </summary>
internal sealed class BandBuckets(int bands, int rows)
{
    private readonly BandTable[] _tables = Enumerable.Range(0, bands).Select(_ => new BandTable()).ToArray();
    private readonly List<List<int>> _shared = [];

    public void Add(uint[] signature, int article)
    {
        for (var band = 0; band < bands; band++)
        {
            ref var slot = ref _tables[band].Slot(Key(signature, band), out var found);
            if (!found)
            {
                slot = article;
            }
            else if (slot >= 0)
            {
                _shared.Add([slot, article]);
                slot = ~(_shared.Count - 1);
            }
            else
            {
                _shared[~slot].Add(article);
            }
        }
    }

    /// <summary>Adds to <paramref name="found"/> every article sharing a band with the signature (repeats included).</summary>
    public void Collect(uint[] signature, List<int> found)
    {
        for (var band = 0; band < bands; band++)
        {
            if (!_tables[band].TryGet(Key(signature, band), out var slot))
            {
                continue;
            }

            if (slot >= 0)
            {
                found.Add(slot);
            }
            else
            {
                found.AddRange(_shared[~slot]);
            }
        }
    }

    private uint Key(uint[] signature, int band)
    {
        var h = 0x9E3779B97F4A7C15UL;
        for (var r = 0; r < rows; r++)
        {
            h = MinHasher.Mix(h ^ signature[(band * rows) + r]);
        }

        // 0 marks an empty place in the table.
        return Math.Max(1u, (uint)(h >> 32));
    }

    /// <summary>Linear probing over parallel key and value arrays, grown by doubling at three quarters full.</summary>
    private sealed class BandTable
    {
        private uint[] _keys = new uint[64];
        private int[] _values = new int[64];
        private int _count;

        public bool TryGet(uint key, out int value)
        {
            var mask = _keys.Length - 1;
            for (var i = (int)(key & mask); ; i = (i + 1) & mask)
            {
                if (_keys[i] == key)
                {
                    value = _values[i];
                    return true;
                }

                if (_keys[i] == 0)
                {
                    value = 0;
                    return false;
                }
            }
        }

        /// <summary>The value's place for <paramref name="key"/>, made if missing (<paramref name="found"/> false).</summary>
        public ref int Slot(uint key, out bool found)
        {
            if (_count * 4 >= _keys.Length * 3)
            {
                Grow();
            }

            var mask = _keys.Length - 1;
            var i = (int)(key & mask);
            while (_keys[i] != 0 && _keys[i] != key)
            {
                i = (i + 1) & mask;
            }

            found = _keys[i] == key;
            if (!found)
            {
                _keys[i] = key;
                _count++;
            }

            return ref _values[i];
        }

        private void Grow()
        {
            var (keys, values) = (_keys, _values);
            _keys = new uint[keys.Length * 2];
            _values = new int[keys.Length * 2];
            var mask = _keys.Length - 1;
            for (var j = 0; j < keys.Length; j++)
            {
                if (keys[j] == 0)
                {
                    continue;
                }

                var i = (int)(keys[j] & mask);
                while (_keys[i] != 0)
                {
                    i = (i + 1) & mask;
                }

                (_keys[i], _values[i]) = (keys[j], values[j]);
            }
        }
    }
}
