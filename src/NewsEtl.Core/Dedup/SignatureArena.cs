namespace NewsEtl.Dedup;

/// <summary>
/// Signatures stored end to end in large blocks, one fixed-length slot per entry: comparing a candidate reads one
/// contiguous run of memory instead of following two references, and there is no per-array overhead.
/// An entry without a signature (a body too short to fingerprint) has an empty slot.
/// </summary>
/// <remarks>
/// A slot keeps the low 16 bits of each MinHash value ("b-bit minwise hashing", Li and König 2010): two different
/// values agree in their low bits with probability 2^-16, so over a 192-value signature a pair gains 0.003 chance
/// agreements on average, and the arena takes half the memory. A chance agreement can still lift a pair that falls
/// one value short over the threshold: 16 of 4,845 near-duplicates in the 100,000-page benchmark, each at 61 of the 62
/// values needed. Low bits, because a bin's minimum has its high bits mostly zero.
/// </remarks>
internal sealed class SignatureArena(int length, int capacity = 0)
{
    private const int SlotsPerBlock = 4096;
    private readonly List<ushort[]> _blocks = new((capacity + SlotsPerBlock - 1) / SlotsPerBlock);
    private readonly List<bool> _present = new(capacity);

    /// <summary>The low 16 bits of each value of a full signature, as a slot keeps them.</summary>
    public static void Truncate(ReadOnlySpan<uint> signature, Span<ushort> into)
    {
        for (var i = 0; i < signature.Length; i++)
        {
            into[i] = (ushort)signature[i];
        }
    }

    public void Set(int slot, ReadOnlySpan<ushort> signature)
    {
        while (_present.Count <= slot)
        {
            _present.Add(false);
        }

        _present[slot] = signature.Length > 0;
        if (signature.Length == 0)
        {
            return;
        }

        while (_blocks.Count <= slot / SlotsPerBlock)
        {
            _blocks.Add(new ushort[SlotsPerBlock * length]);
        }

        signature.CopyTo(_blocks[slot / SlotsPerBlock].AsSpan(slot % SlotsPerBlock * length, length));
    }

    /// <summary>Slots set so far (some may be empty).</summary>
    public int Count => _present.Count;

    public ReadOnlySpan<ushort> Get(int slot) =>
        _present[slot] ? _blocks[slot / SlotsPerBlock].AsSpan(slot % SlotsPerBlock * length, length) : [];
}
