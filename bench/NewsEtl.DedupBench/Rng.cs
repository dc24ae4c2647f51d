namespace NewsEtl.DedupBench;

/// <summary>A small seeded generator (splitmix64): the same seed gives the same corpus on every machine and runtime.</summary>
internal sealed class Rng(ulong seed)
{
    private ulong _state = seed;

    public static Rng For(params ReadOnlySpan<int> parts)
    {
        var s = 0x2545F4914F6CDD1DUL;
        foreach (var p in parts)
        {
            s = Mix(s ^ (ulong)(uint)p) + 0x9E3779B97F4A7C15UL;
        }

        return new Rng(s);
    }

    public ulong NextULong()
    {
        _state += 0x9E3779B97F4A7C15UL;
        return Mix(_state);
    }

    /// <summary>A value in [0, max).</summary>
    public int Next(int max) => (int)((NextULong() >> 33) % (ulong)max);

    public int Next(int min, int max) => min + Next(max - min);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
