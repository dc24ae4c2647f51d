using System.Buffers;
using System.Numerics;

namespace NewsEtl.Dedup;

/// <summary>
/// The character pairs of every paragraph of a page (<see cref="TextFingerprint.Bigrams"/>): each distinct pair of the
/// page gets a slot in one table that counts the paragraphs having it, and each paragraph is the list of its distinct
/// pairs' slots. Two paragraphs are compared by marking one's slots and counting the other's marked ones, so no set
/// is built and nothing is sorted. The buffers are pooled: dispose it with the page.
/// </summary>
internal sealed class PageBigrams : IDisposable
{
    private readonly int[] _starts;
    private readonly int _shift;
    private int[] _slots;
    private uint[] _values;
    private int[] _frequency;
    private int[] _marks;
    private int _stamp;
    private int _selected;

    public PageBigrams(string[] keys)
    {
        var capacity = 0;
        foreach (var key in keys)
        {
            capacity += TextFingerprint.BigramCapacity(key.Length);
        }

        // At most half full, so probes stay short.
        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, capacity * 2));
        _shift = 32 - BitOperations.Log2((uint)size);
        _slots = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
        _values = ArrayPool<uint>.Shared.Rent(size);
        _frequency = ArrayPool<int>.Shared.Rent(size);
        _marks = ArrayPool<int>.Shared.Rent(size);
        _frequency.AsSpan(0, size).Clear();
        _marks.AsSpan(0, size).Clear();
        TableSize = size;

        _starts = new int[keys.Length + 1];
        var at = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            _starts[i] = at;
            var stamp = ++_stamp;
            var key = keys[i];
            if (key.Length == 1)
            {
                at = Add(key[0], stamp, at);
            }

            for (var c = 1; c < key.Length; c++)
            {
                at = Add(((uint)key[c - 1] << 16) | key[c], stamp, at);
            }
        }

        _starts[keys.Length] = at;
    }

    /// <summary>All paragraphs' distinct pairs together (each paragraph's counted once per pair).</summary>
    public int Total => _starts[^1];

    /// <summary>Slots range over 0 .. TableSize − 1.</summary>
    public int TableSize { get; }

    /// <summary>The slots of the paragraph's distinct pairs.</summary>
    public ReadOnlySpan<int> this[int paragraph] => _slots.AsSpan(_starts[paragraph], _starts[paragraph + 1] - _starts[paragraph]);

    public uint Value(int slot) => _values[slot];

    /// <summary>How many paragraphs of the page have the pair.</summary>
    public int Frequency(int slot) => _frequency[slot];

    /// <summary>The slot of a pair of the page, or −1.</summary>
    public int Find(uint value)
    {
        var mask = TableSize - 1;
        for (var i = Home(value); ; i = (i + 1) & mask)
        {
            if (_frequency[i] == 0)
            {
                return -1;
            }

            if (_values[i] == value)
            {
                return i;
            }
        }
    }

    /// <summary>Makes the paragraph the one <see cref="SimilarToSelected"/> compares with.</summary>
    public void Select(int paragraph)
    {
        var stamp = ++_stamp;
        var own = this[paragraph];
        foreach (var slot in own)
        {
            _marks[slot] = stamp;
        }

        _selected = own.Length;
    }

    /// <summary>Makes a text that is not one of the paragraphs (a title, a lede) the one compared with.</summary>
    public void Select(string normalized)
    {
        var stamp = ++_stamp;
        var values = new uint[TextFingerprint.BigramCapacity(normalized.Length)];
        _selected = TextFingerprint.SortedBigrams(normalized, values);
        foreach (var value in values.AsSpan(0, _selected))
        {
            // A pair no paragraph has counts in the text's size but can match nothing.
            if (Find(value) is var slot and >= 0)
            {
                _marks[slot] = stamp;
            }
        }
    }

    /// <summary>
    /// Whether the paragraph's Dice coefficient with the selected text (<see cref="TextFingerprint.Similarity"/>) reaches
    /// the threshold; the count stops as soon as the answer is known.
    /// </summary>
    public bool SimilarToSelected(int paragraph, double threshold)
    {
        var other = this[paragraph];
        var total = _selected + other.Length;
        if (_selected == 0 || other.Length == 0)
        {
            return (_selected == other.Length ? 1.0 : 0.0) >= threshold;
        }

        var needed = TextFingerprint.SharedNeeded(total, threshold);
        var shared = 0;
        for (var k = 0; k < other.Length; k++)
        {
            if (shared >= needed)
            {
                return true;
            }

            if (shared + (other.Length - k) < needed)
            {
                return false;
            }

            shared += _marks[other[k]] == _stamp ? 1 : 0;
        }

        return shared >= needed;
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(_slots);
        ArrayPool<uint>.Shared.Return(_values);
        ArrayPool<int>.Shared.Return(_frequency);
        ArrayPool<int>.Shared.Return(_marks);
        (_slots, _values, _frequency, _marks) = ([], [], [], []);
    }

    private int Add(uint value, int stamp, int at)
    {
        var mask = TableSize - 1;
        var i = Home(value);
        while (_frequency[i] != 0 && _values[i] != value)
        {
            i = (i + 1) & mask;
        }

        _values[i] = value;
        if (_marks[i] == stamp)
        {
            return at;
        }

        // First time in this paragraph.
        _marks[i] = stamp;
        _frequency[i]++;
        _slots[at] = i;
        return at + 1;
    }

    private int Home(uint value) => (int)((value * 0x9E3779B1u) >> _shift);
}
