namespace NewsEtl.Dedup;

/// <summary>MinHash signatures of a text's character shingles.</summary>
public sealed class MinHasher
{
    private readonly NearDuplicateOptions _options;
    private readonly ulong[] _seeds;

    public MinHasher(NearDuplicateOptions options)
    {
        _options = options;
        _seeds = new ulong[options.SignatureLength];
        var state = 0x9E3779B97F4A7C15UL;
        for (var i = 0; i < _seeds.Length; i++)
        {
            state = Mix(state + (ulong)i);
            _seeds[i] = state;
        }
    }

    /// <summary>The signature of a normalized text, and how many distinct shingles it has.</summary>
    public (uint[] Signature, int ShingleCount) Signature(string normalized)
    {
        var signature = new uint[_seeds.Length];
        Array.Fill(signature, uint.MaxValue);
        var seen = new HashSet<ulong>();
        var k = _options.ShingleLength;
        for (var i = 0; i + k <= normalized.Length; i++)
        {
            var shingle = Hash(normalized.AsSpan(i, k));
            if (!seen.Add(shingle))
            {
                continue;
            }

            for (var s = 0; s < _seeds.Length; s++)
            {
                var h = (uint)(Mix(shingle ^ _seeds[s]) >> 32);
                if (h < signature[s])
                {
                    signature[s] = h;
                }
            }
        }

        return (signature, seen.Count);
    }

    public static double Resemblance(uint[] a, uint[] b)
    {
        var same = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i])
            {
                same++;
            }
        }

        return (double)same / a.Length;
    }

    private static ulong Hash(ReadOnlySpan<char> text)
    {
        // FNV-1a over UTF-16 code units: stable across runs and machines, unlike string.GetHashCode.
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    private static ulong Mix(ulong x)
    {
        // splitmix64 finalizer.
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
