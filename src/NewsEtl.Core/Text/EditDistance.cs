namespace NewsEtl.Text;

/// <summary>Edit distance (insertions, deletions, substitutions of one character each) for short texts, within a bound.</summary>
public static class EditDistance
{
    /// <summary>
    /// Whether <paramref name="a"/> becomes <paramref name="b"/> in at most <paramref name="limit"/> edits. Only the
    /// band of cells within <paramref name="limit"/> of the diagonal is computed, so long texts cost little.
    /// </summary>
    public static bool AtMost(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        var prefix = a.CommonPrefixLength(b);
        a = a[prefix..];
        b = b[prefix..];
        if (a.IsEmpty || b.IsEmpty)
        {
            return Math.Max(a.Length, b.Length) <= limit;
        }

        // row[j]: the distance between a[..i] and b[..j]; cells beyond the band count as limit + 1.
        var width = b.Length + 1;
        Span<int> row = width <= 512 ? stackalloc int[width] : new int[width];
        for (var j = 0; j < width; j++)
        {
            row[j] = Math.Min(j, limit + 1);
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = Math.Min(i, limit + 1);
            var best = row[0];
            var from = Math.Max(1, i - limit);
            var to = Math.Min(b.Length, i + limit);
            if (from > 1)
            {
                diagonal = row[from - 1];
                row[from - 1] = limit + 1;
            }

            for (var j = from; j <= to; j++)
            {
                var above = row[j];
                var value = Math.Min(Math.Min(above + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
                row[j] = Math.Min(value, limit + 1);
                best = Math.Min(best, row[j]);
            }

            if (to < b.Length)
            {
                row[to + 1] = limit + 1;
            }

            if (best > limit)
            {
                return false;
            }
        }

        return row[b.Length] <= limit;
    }
}
