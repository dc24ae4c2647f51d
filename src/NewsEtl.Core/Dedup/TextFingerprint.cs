using System.Text;
using NewsEtl.Extraction;
using NewsEtl.Text;

namespace NewsEtl.Dedup;

/// <summary>Script- and punctuation-insensitive forms of text used to compare paragraphs and articles.</summary>
public static class TextFingerprint
{
    /// <summary>Simplified script, letters and digits only (punctuation and damage marks dropped), lower case.</summary>
    public static string Normalize(string text)
    {
        var key = Boilerplate.MatchKey(text);
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (HanChar.IsHan(c) || char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>The set of adjacent character pairs of a normalized text, as hashed integers.</summary>
    public static HashSet<uint> Bigrams(string normalized)
    {
        var set = new HashSet<uint>();
        for (var i = 1; i < normalized.Length; i++)
        {
            set.Add(((uint)normalized[i - 1] << 16) | normalized[i]);
        }

        if (normalized.Length == 1)
        {
            set.Add(normalized[0]);
        }

        return set;
    }

    /// <summary>Dice coefficient of two bigram sets (1 = same pairs).</summary>
    public static double Similarity(HashSet<uint> a, HashSet<uint> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return a.Count == b.Count ? 1 : 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }
}
