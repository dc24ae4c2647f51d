using System.Globalization;
using NewsEtl.Model;

namespace NewsEtl.State;

/// <summary>
/// One of N deterministic slices of the inputs (by a hash of each source), so N machines can split a corpus:
/// shard K of N takes the sources whose hash modulo N is K-1.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    public static readonly Shard All = new(1, 1);

    public bool Includes(string source)
    {
        if (Count == 1)
        {
            return true;
        }

        var hash = Hashing.Sha256Hex("newsetl-shard:" + source);
        var value = ulong.Parse(hash.AsSpan(0, 15), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return (int)(value % (ulong)Count) == Index - 1;
    }

    /// <summary>Parses "K/N" (1 ≤ K ≤ N); null with an error message otherwise.</summary>
    public static Shard? Parse(string text, out string? error)
    {
        error = null;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        error = $"--shard '{text}' is not K/N with 1 <= K <= N: use e.g. --shard 2/4 for the second of four machines.";
        return null;
    }

    public override string ToString() => $"{Index}/{Count}";
}
