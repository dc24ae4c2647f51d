namespace NewsEtl.Dedup;

/// <summary>
/// Signatures stored end to end in large blocks, one fixed-length slot per entry: comparing a candidate reads one
/// contiguous run of memory instead of following two references, and there is no per-array overhead.
/// An entry without a signature (a body too short to fingerprint) has an empty slot.
/// </summary>
internal sealed class SignatureArena(int length)
{
    private const int SlotsPerBlock = 4096;
    private readonly List<uint[]> _blocks = [];
    private readonly List<bool> _present = [];

    public void Set(int slot, uint[] signature)
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
            _blocks.Add(new uint[SlotsPerBlock * length]);
        }

        signature.CopyTo(_blocks[slot / SlotsPerBlock].AsSpan(slot % SlotsPerBlock * length, length));
    }

    /// <summary>Slots set so far (some may be empty).</summary>
    public int Count => _present.Count;

    public ReadOnlySpan<uint> Get(int slot) =>
        _present[slot] ? _blocks[slot / SlotsPerBlock].AsSpan(slot % SlotsPerBlock * length, length) : [];
}
