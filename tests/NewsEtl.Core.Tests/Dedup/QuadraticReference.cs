using NewsEtl.Dedup;

namespace NewsEtl.Core.Tests.Dedup;

/// <summary>The first in-page search, kept as the reference: every pair compared on every pass (slow, plainly right).</summary>
internal static class QuadraticReference
{
    public static List<string> Kept(IReadOnlyList<ParagraphDraft> paragraphs, InPageDedupOptions options)
    {
        var n = paragraphs.Count;
        var keys = paragraphs.Select(p => TextFingerprint.Normalize(p.Text)).ToArray();
        var grams = keys.Select(TextFingerprint.Bigrams).ToArray();
        bool Same(int a, int b) =>
            keys[a].Length > 0 && keys[b].Length > 0
            && (keys[a] == keys[b]
                || (Math.Abs(keys[a].Length - keys[b].Length) <= Math.Max(4, Math.Max(keys[a].Length, keys[b].Length) / 5)
                    && TextFingerprint.Similarity(grams[a], grams[b]) >= options.ParagraphSimilarity));

        // A paragraph between two copied pairs on the same diagonal, the same but for an edit in four characters (two at
        // most): a short heading read back with a character wrong in one copy.
        bool Gap(int a, int b) =>
            a > 0 && b + 1 < n && Same(a - 1, b - 1) && Same(a + 1, b + 1)
            && Math.Min(keys[a].Length, keys[b].Length) >= 4
            && NewsEtl.Text.EditDistance.AtMost(keys[a], keys[b], Math.Min(2, Math.Min(keys[a].Length, keys[b].Length) / 4));

        var removed = new bool[n];
        while (true)
        {
            var (bestFirst, bestSecond, bestLength) = (0, 0, 0);
            for (var offset = 1; offset < n; offset++)
            {
                var run = 0;
                for (var i = 0; i + offset < n; i++)
                {
                    var j = i + offset;
                    if (!removed[i] && !removed[j] && run < offset && (Same(i, j) || Gap(i, j)))
                    {
                        run++;
                        if (run > bestLength)
                        {
                            (bestFirst, bestSecond, bestLength) = (i - run + 1, j - run + 1, run);
                        }
                    }
                    else
                    {
                        run = 0;
                    }
                }
            }

            if (bestLength < options.MinimumBlock)
            {
                break;
            }

            for (var k = 0; k < bestLength; k++)
            {
                removed[bestSecond + k] = true;
            }
        }

        return [.. Enumerable.Range(0, n).Where(i => !removed[i]).Select(i => paragraphs[i].Text)];
    }
}
