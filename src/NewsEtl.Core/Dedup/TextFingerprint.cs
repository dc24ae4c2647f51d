using System.Buffers;
using System.Text;
using NewsEtl.Extraction;
using NewsEtl.Text;

namespace NewsEtl.Dedup;

/// <summary>Script- and punctuation-insensitive forms of text used to compare paragraphs and articles.</summary>
public static class TextFingerprint
{
    private const int StackChars = 512;

    /// <summary>
    /// What <see cref="Boilerplate.MatchKey"/> followed by the letter-and-digit filter makes of each character outside a
    /// pinyin note, '\0' where it is dropped: a table, because every paragraph of every page is normalized.
    /// </summary>
    private static readonly char[] NormalForm = BuildNormalForm();

    /// <summary>Simplified script, letters and digits only (punctuation and damage marks dropped), lower case.</summary>
    public static string Normalize(string text)
    {
        // A pinyin note needs a bracket; without one Boilerplate.MatchKey maps character by character, so it is
        // applied here in the same pass as the filter instead of building its string first.
        if (text.AsSpan().IndexOfAny('(', '（') >= 0)
        {
            return Filter(Boilerplate.MatchKey(text));
        }

        char[]? rented = null;
        var buffer = text.Length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(text.Length));
        var form = NormalForm;
        var length = 0;
        foreach (var c in text)
        {
            var kept = form[c];
            buffer[length] = kept;
            length += kept == '\0' ? 0 : 1;
        }

        var key = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return key;
    }

    /// <summary>The set of adjacent character pairs of a normalized text, as hashed integers.</summary>
    public static HashSet<uint> Bigrams(string normalized)
    {
        var set = new HashSet<uint>();
        for (var i = 1; i < normalized.Length; i++)
        {
            set.Add(Pair(normalized[i - 1], normalized[i]));
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
        var shared = 0;
        foreach (var g in small)
        {
            shared += large.Contains(g) ? 1 : 0;
        }

        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>How many values <see cref="SortedBigrams"/> may write for a normalized text of this length.</summary>
    internal static int BigramCapacity(int length) => length == 1 ? 1 : Math.Max(0, length - 1);

    /// <summary>The values of <see cref="Bigrams"/>, sorted and distinct, written to <paramref name="destination"/>; returns how many.</summary>
    internal static int SortedBigrams(ReadOnlySpan<char> normalized, Span<uint> destination)
    {
        if (normalized.Length == 1)
        {
            destination[0] = normalized[0];
            return 1;
        }

        var count = BigramCapacity(normalized.Length);
        var pairs = destination[..count];
        for (var i = 1; i < normalized.Length; i++)
        {
            pairs[i - 1] = Pair(normalized[i - 1], normalized[i]);
        }

        pairs.Sort();
        var distinct = 0;
        for (var i = 0; i < pairs.Length; i++)
        {
            if (distinct == 0 || pairs[i] != pairs[distinct - 1])
            {
                pairs[distinct++] = pairs[i];
            }
        }

        return distinct;
    }

    /// <summary>
    /// The fewest shared pairs with which two sets of <paramref name="total"/> pairs together reach the threshold, by
    /// the very expression <see cref="Similarity"/> compares (2·shared / total), so a count can stop early and agree.
    /// </summary>
    internal static int SharedNeeded(int total, double threshold)
    {
        var needed = Math.Max(0, (int)Math.Ceiling(threshold * total / 2));
        while (needed > 0 && 2.0 * (needed - 1) / total >= threshold)
        {
            needed--;
        }

        while (needed <= total && 2.0 * needed / total < threshold)
        {
            needed++;
        }

        return needed;
    }

    private static uint Pair(char first, char second) => ((uint)first << 16) | second;

    private static bool Kept(char c) => HanChar.IsHan(c) || char.IsLetterOrDigit(c);

    private static char[] BuildNormalForm()
    {
        var form = new char[char.MaxValue + 1];
        for (var code = 0; code <= char.MaxValue; code++)
        {
            var c = (char)code;
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var folded = ChineseScript.ToSimplified(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3002' => '。',
                '\u2026' => '…',
                _ => c,
            });
            form[code] = Kept(folded) ? char.ToLowerInvariant(folded) : '\0';
        }

        return form;
    }

    private static string Filter(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (Kept(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }
}
