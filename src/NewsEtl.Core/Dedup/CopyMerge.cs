using System.Text;

namespace NewsEtl.Dedup;

/// <summary>
/// The best paragraph from two copies of it: the cleaner copy (less unrepaired damage; then fewer characters the repair
/// had to choose, as a copy the damage missed is the text as written) wins, and replacement characters (U+FFFD) still
/// left in it are filled from the other copy where that copy has the same text on both sides of the gap, unambiguously.
/// </summary>
internal static class CopyMerge
{
    private const char Replacement = '\uFFFD';
    private const int Context = 4;

    /// <summary>A better paragraph than <paramref name="kept"/>, or null when the other copy does not improve it.</summary>
    public static ParagraphDraft? Best(ParagraphDraft kept, ParagraphDraft other)
    {
        var otherIsCleaner = other.Damage < kept.Damage || (other.Damage == kept.Damage && other.Guessed < kept.Guessed);
        var (basis, donor) = otherIsCleaner ? (other, kept) : (kept, other);
        var (text, filled) = Fill(basis.Text, donor.Text);
        if (string.Equals(text, kept.Text, StringComparison.Ordinal))
        {
            return null;
        }

        return new ParagraphDraft(text, Math.Max(0, basis.Damage - filled), basis.Guessed);
    }

    /// <summary>The text with each replacement-character run the donor can vouch for filled; and how many characters were filled.</summary>
    private static (string Text, int Filled) Fill(string text, string donor)
    {
        if (!text.Contains(Replacement, StringComparison.Ordinal) || donor.Length == 0)
        {
            return (text, 0);
        }

        var sb = new StringBuilder(text.Length);
        var filled = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] != Replacement)
            {
                sb.Append(text[i++]);
                continue;
            }

            var end = i;
            while (end < text.Length && text[end] == Replacement)
            {
                end++;
            }

            var left = text[Math.Max(0, i - Context)..i];
            var right = text[end..Math.Min(text.Length, end + Context)];
            if (Between(donor, left, right, maxLength: ((end - i) * 2) + 2) is { } span && !left.Contains(Replacement) && !right.Contains(Replacement))
            {
                sb.Append(span);
                filled += end - i;
            }
            else
            {
                sb.Append(text, i, end - i);
            }

            i = end;
        }

        return (sb.ToString(), filled);
    }

    /// <summary>The one stretch of the donor between <paramref name="left"/> and <paramref name="right"/>, or null if none or several.</summary>
    private static string? Between(string donor, string left, string right, int maxLength)
    {
        if (left.Length + right.Length < Context)
        {
            return null;
        }

        string? found = null;
        for (var at = donor.IndexOf(left, StringComparison.Ordinal); at >= 0; at = donor.IndexOf(left, at + 1, StringComparison.Ordinal))
        {
            var start = at + left.Length;
            var stop = right.Length == 0 ? Math.Min(donor.Length, start + maxLength) : donor.IndexOf(right, start, StringComparison.Ordinal);
            if (stop <= start || stop - start > maxLength || (right.Length == 0 && stop != donor.Length))
            {
                continue;
            }

            var span = donor[start..stop];
            if (span.Contains(Replacement, StringComparison.Ordinal) || (found is not null && found != span))
            {
                return null;
            }

            found = span;
            if (left.Length == 0)
            {
                break;
            }
        }

        return found;
    }
}
