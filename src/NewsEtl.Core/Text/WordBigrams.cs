using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NewsEtl.Text;

/// <summary>
/// How often one word follows another in a simplified-Chinese newspaper corpus: the word-pair table that
/// Lucene.Net.Analysis.SmartCn ships (Apache-2.0), read from the package's assembly as data. The table keeps
/// only a 64-bit hash of each pair ("word1@word2") in an open-addressed array of a prime size, probed by a
/// second hash (double hashing), with the pair's count beside it; a pair it does not hold counts zero.
/// The package's assembly is embedded in this one as data and never loaded.
/// </summary>
public sealed class WordBigrams
{
    private const string ResourceName = "Lucene.Net.Analysis.SmartCn.Hhmm.bigramdict.mem";
    private const string EmbeddedAssembly = "smartcn.dll";
    private const char Separator = '@';

    private static readonly Lazy<WordBigrams> Shared = new(() => Load(EmbeddedData.Open(EmbeddedAssembly)));

    private readonly long[] _hashes;
    private readonly int[] _counts;

    private WordBigrams(long[] hashes, int[] counts)
    {
        _hashes = hashes;
        _counts = counts;
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        Total = total;
    }

    public static WordBigrams Default => Shared.Value;

    /// <summary>All pair counts added up: about the number of word pairs in the corpus the table was counted from.</summary>
    public long Total { get; }

    /// <summary>How many times <paramref name="second"/> followed <paramref name="first"/> (both simplified script).</summary>
    public int Count(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        var length = first.Length + 1 + second.Length;
        Span<char> pair = length <= 64 ? stackalloc char[length] : new char[length];
        first.CopyTo(pair);
        pair[first.Length] = Separator;
        second.CopyTo(pair[(first.Length + 1)..]);
        return Count(pair);
    }

    private int Count(ReadOnlySpan<char> pair)
    {
        var size = _hashes.Length;
        var key = Fnv(pair);
        var start = (int)(key % size);
        var step = (int)(Djb(pair) % size);
        if (start < 0)
        {
            start += size;
        }

        if (step < 0)
        {
            step += size;
        }

        var index = start;
        for (var probe = 1; _hashes[index] != 0 && _hashes[index] != key && probe < size; probe++)
        {
            // The table was filled with 32-bit arithmetic: the probe sequence wraps the way it did then.
            index = unchecked(start + (probe * step)) % size;
            if (index < 0)
            {
                return 0;
            }
        }

        return _hashes[index] == key ? _counts[index] : 0;
    }

    /// <summary>64-bit FNV-1 over each character's low byte, then its high byte.</summary>
    private static long Fnv(ReadOnlySpan<char> text)
    {
        const long prime = 1099511628211L;
        var hash = unchecked((long)0xcbf29ce484222325UL);
        foreach (var c in text)
        {
            hash = unchecked((hash ^ (c & 0xFF)) * prime);
            hash = unchecked((hash ^ (c >> 8)) * prime);
        }

        return hash;
    }

    /// <summary>
    /// A 32-bit multiply-by-33 hash, with the operator precedence of the table's builder: the byte mask and the
    /// shift apply to the whole running sum, not to the character alone.
    /// </summary>
    private static int Djb(ReadOnlySpan<char> text)
    {
        var hash = 5381;
        foreach (var c in text)
        {
            hash = unchecked((hash << 5) + hash + c) & 0xFF;
            hash = unchecked((hash << 5) + hash + c) >> 8;
        }

        return hash;
    }

    /// <summary>Reads the table from the package's assembly image without loading it: its manifest resource, as bytes.</summary>
    internal static WordBigrams Load(Stream assembly)
    {
        using var pe = new PEReader(assembly);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != ResourceName)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress).GetReader();
            block.Offset = (int)resource.Offset;
            var length = block.ReadInt32();
            var data = block.ReadBytes(length);
            return Parse(data);
        }

        throw new InvalidDataException($"the embedded word-pair assembly holds no {ResourceName}");
    }

    /// <summary>Little-endian: the number of slots and the pair hashes, then the number of slots and the counts.</summary>
    private static WordBigrams Parse(byte[] data)
    {
        using var reader = new BinaryReader(new MemoryStream(data));
        var hashes = new long[reader.ReadInt32()];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = reader.ReadInt64();
        }

        var counts = new int[reader.ReadInt32()];
        if (counts.Length != hashes.Length)
        {
            throw new InvalidDataException("word-pair table: hash and count arrays differ in length");
        }

        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = reader.ReadInt32();
        }

        return new WordBigrams(hashes, counts);
    }
}
