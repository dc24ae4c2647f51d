using System.Buffers;
using System.Numerics;

namespace NewsEtl.Dedup;

/// <summary>
/// MinHash signatures of a text's character shingles, by one-permutation hashing: each shingle is hashed once and
/// falls into one of the signature's bins, which keeps its minimum; empty bins borrow from a bin chosen by a fixed
/// hash sequence ("optimal densification", Shrivastava 2017), so two texts agree in a bin with probability close
/// to their resemblance, as with k independent hash functions, at the cost of one hash per shingle instead of k.
/// </summary>
public sealed class MinHasher(NearDuplicateOptions options)
{
    /// <summary>Changes whenever the signature of a text would change, so stored signatures can be checked.</summary>
    public const string Algorithm = "oph1";

    /// <summary>The signature of a normalized text and how many distinct shingles it has; empty when it has none.</summary>
    public (uint[] Signature, int ShingleCount) Signature(string normalized)
    {
        var k = options.ShingleLength;
        var count = normalized.Length - k + 1;
        if (count <= 0)
        {
            return ([], 0);
        }

        var bins = options.SignatureLength;
        var signature = new uint[bins];
        Span<bool> filled = bins <= 1024 ? stackalloc bool[bins] : new bool[bins];
        var hashes = ArrayPool<ulong>.Shared.Rent(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var h = Mix(Fnv(normalized.AsSpan(i, k)));
                hashes[i] = h;
                var bin = Bin(h, bins);
                var value = (uint)h;
                if (!filled[bin] || value < signature[bin])
                {
                    signature[bin] = value;
                    filled[bin] = true;
                }
            }

            Densify(signature, filled);
            return (signature, Distinct(hashes.AsSpan(0, count)));
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
        }
    }

    /// <summary>The share of bins in which two signatures agree: an estimate of the resemblance (Jaccard) of the shingle sets.</summary>
    public static double Resemblance(uint[] a, uint[] b)
    {
        if (a.Length == 0 || a.Length != b.Length)
        {
            return 0;
        }

        return (double)Agreements(a, b) / a.Length;
    }

    /// <summary>How many bins agree; vectorized because the index checks every LSH candidate with it.</summary>
    public static int Agreements(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b) => CountEqual(a, b);

    /// <summary>How many bins agree in their low 16 bits (the form the cross-page index keeps).</summary>
    public static int Agreements(ReadOnlySpan<ushort> a, ReadOnlySpan<ushort> b) => CountEqual(a, b);

    private static int CountEqual<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : unmanaged, IBinaryInteger<T>
    {
        var i = 0;
        var same = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<T>.Count)
        {
            // A lane counts at most length / lanes agreements and their sum at most the length (≤ 1024): no overflow.
            var counts = Vector<T>.Zero;
            for (; i <= a.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                // Equal lanes are all ones (-1): subtracting adds one per agreeing bin.
                counts -= Vector.Equals(new Vector<T>(a[i..]), new Vector<T>(b[i..]));
            }

            same = int.CreateTruncating(Vector.Sum(counts));
        }

        for (; i < a.Length; i++)
        {
            same += a[i] == b[i] ? 1 : 0;
        }

        return same;
    }

    private static void Densify(uint[] signature, ReadOnlySpan<bool> filled)
    {
        var bins = signature.Length;
        for (var bin = 0; bin < bins; bin++)
        {
            if (filled[bin])
            {
                continue;
            }

            // The same sequence of donor bins for this bin in every text: two texts that both lack the bin borrow alike.
            for (var attempt = 1UL; ; attempt++)
            {
                var donor = Bin(Mix(((ulong)bin << 32) ^ attempt ^ 0xA0761D6478BD642FUL), bins);
                if (filled[donor])
                {
                    signature[bin] = signature[donor];
                    break;
                }
            }
        }
    }

    /// <summary>How many different values: an open-addressing set in a pooled table, instead of sorting them.</summary>
    private static int Distinct(ReadOnlySpan<ulong> hashes)
    {
        // At most half full; 0 marks an empty place, so a hash of 0 is counted apart.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, hashes.Length * 2));
        var shift = 64 - BitOperations.Log2((uint)size);
        var table = ArrayPool<ulong>.Shared.Rent(size);
        try
        {
            var seen = table.AsSpan(0, size);
            seen.Clear();
            var mask = size - 1;
            var distinct = 0;
            var zero = 0;
            foreach (var h in hashes)
            {
                if (h == 0)
                {
                    zero = 1;
                    continue;
                }

                var i = (int)((h * 0x9E3779B97F4A7C15UL) >> shift);
                while (seen[i] != 0 && seen[i] != h)
                {
                    i = (i + 1) & mask;
                }

                if (seen[i] == 0)
                {
                    seen[i] = h;
                    distinct++;
                }
            }

            return distinct + zero;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(table);
        }
    }

    private static int Bin(ulong hash, int bins) => (int)(((hash >> 32) * (ulong)bins) >> 32);

    private static ulong Fnv(ReadOnlySpan<char> text)
    {
        // FNV-1a over UTF-16 code units: stable across runs and machines, unlike string.GetHashCode.
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }

    internal static ulong Mix(ulong x)
    {
        // splitmix64 finalizer.
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
