namespace NewsEtl.Dedup;

/// <summary>A paragraph with what the repair stage left unrepaired in it (fewer is a cleaner copy).</summary>
/// <param name="Guessed">How many of the repair's changes to it chose among readings (an out-of-step or misread
/// run read back; not a note or leaked markup taken out): where two copies are equally clean, the one with fewer is
/// the text as written.</param>
public sealed record ParagraphDraft(string Text, int Damage, int Guessed = 0);

/// <summary>The body after in-page dedup and each change dedup made, with paragraph positions in the input list.</summary>
public sealed record InPageDedupResult(IReadOnlyList<ParagraphDraft> Paragraphs, IReadOnlyList<ParagraphEdit> Edits);

/// <summary>A change to the paragraph list: <see cref="Paragraph"/> is the index in the list as dedup received it.</summary>
public sealed record ParagraphEdit(string Kind, int Paragraph, string Before, string After, double Confidence);

/// <summary>
/// Removes repeated copies of the article inside one page by aligning the paragraph sequence with itself:
/// a run of consecutive paragraphs that recurs later, fuzzily (copies differ in damage and script), is one
/// copy too many, and so are repeats of the title and lede. A single paragraph that recurs (a refrain, a quote
/// repeated on purpose) is not a copy. Where the copies differ, the cleaner one is kept and characters still damaged
/// in it are filled from the other (<see cref="CopyMerge"/>), each such change recorded as "merged-from-copy".
/// The result depends on this page alone.
/// </summary>
public sealed class InPageDeduplicator(InPageDedupOptions options)
{
    public InPageDedupResult Deduplicate(IReadOnlyList<ParagraphDraft> paragraphs, string title, string? lede)
    {
        var n = paragraphs.Count;
        var keys = new string[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = TextFingerprint.Normalize(paragraphs[i].Text);
        }

        using var grams = n <= options.MaximumFuzzyParagraphs ? new PageBigrams(keys) : null;
        var similar = SimilarParagraphs.WithGaps(SimilarParagraphs.Find(keys, grams, options.ParagraphSimilarity), keys);

        var removed = new bool[n];
        var kept = new ParagraphDraft[n];
        for (var i = 0; i < n; i++)
        {
            kept[i] = paragraphs[i];
        }

        var edits = new List<ParagraphEdit>();
        while (LongestRepeat(similar, removed) is var (first, second, length) && length >= options.MinimumBlock)
        {
            for (var k = 0; k < length; k++)
            {
                var keep = first + k;
                var drop = second + k;
                if (CopyMerge.Best(kept[keep], paragraphs[drop]) is { } better)
                {
                    edits.Add(new ParagraphEdit("merged-from-copy", keep, kept[keep].Text, better.Text, 1.0));
                    kept[keep] = better;
                }

                removed[drop] = true;
            }

            edits.Add(new ParagraphEdit(
                "duplicate-block", second,
                string.Join("\n\n", Enumerable.Range(second, length).Select(i => paragraphs[i].Text)), string.Empty, 1.0));
        }

        RemoveHeaderRepeats(title, lede, keys, grams, removed, paragraphs, edits);

        var result = new List<ParagraphDraft>(n);
        for (var i = 0; i < n; i++)
        {
            if (!removed[i])
            {
                result.Add(kept[i]);
            }
        }

        return new InPageDedupResult(result, [.. edits.OrderBy(e => e.Paragraph)]);
    }

    private void RemoveHeaderRepeats(
        string title, string? lede, string[] keys, PageBigrams? grams,
        bool[] removed, IReadOnlyList<ParagraphDraft> paragraphs, List<ParagraphEdit> edits)
    {
        // The lede first: a lede repeated in the body (often as its first paragraph) is a copy wherever it stands,
        // and so is the title written out again. A paragraph merely like the title is removed only where it heads a
        // copy (a repeated lede or block follows): digests open with a sub-head that is the title without its prefix.
        RemoveHeaderRepeat(lede, "duplicate-lede", keys, grams, removed, paragraphs, edits);
        RemoveHeaderRepeat(title, "duplicate-title", keys, grams, removed, paragraphs, edits);
    }

    private void RemoveHeaderRepeat(
        string? header, string kind, string[] keys, PageBigrams? grams,
        bool[] removed, IReadOnlyList<ParagraphDraft> paragraphs, List<ParagraphEdit> edits)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return;
        }

        var key = TextFingerprint.Normalize(header);
        if (key.Length == 0)
        {
            return;
        }

        grams?.Select(key);
        for (var i = 0; i < keys.Length; i++)
        {
            if (removed[i])
            {
                continue;
            }

            var headsACopy = kind == "duplicate-lede" || i + 1 == keys.Length || removed[i + 1];
            var exact = string.Equals(keys[i], key, StringComparison.Ordinal);
            if (exact || (headsACopy && grams is not null && SimilarParagraphs.LengthsClose(keys[i], key)
                && grams.SimilarToSelected(i, options.ParagraphSimilarity)))
            {
                removed[i] = true;
                edits.Add(new ParagraphEdit(kind, i, paragraphs[i].Text, string.Empty, 1.0));
            }
        }
    }

    /// <summary>
    /// The longest run of paragraphs (first..first+len) that repeats at second..second+len, among those not removed:
    /// consecutive similar pairs along one diagonal of the page's self-similarity matrix, walked over its sparse pairs
    /// (<see cref="SimilarParagraphs.Find"/>, in diagonal order). Earliest offset, then earliest start, wins a tie.
    /// </summary>
    private static (int First, int Second, int Length)? LongestRepeat(ulong[] similar, bool[] removed)
    {
        (int, int, int)? best = null;
        var bestLength = 0;
        var run = 0;
        var previous = (I: -1, J: -1);
        foreach (var pair in similar)
        {
            var (i, j) = SimilarParagraphs.Unpair(pair);
            var offset = j - i;
            if (previous.J - previous.I != offset || previous.I != i - 1)
            {
                run = 0;
            }

            previous = (i, j);

            // Runs may not overlap their own copy: a block repeating right after itself has offset >= length.
            if (!removed[i] && !removed[j] && run < offset)
            {
                run++;
                if (run > bestLength)
                {
                    bestLength = run;
                    best = (i - run + 1, j - run + 1, run);
                }
            }
            else
            {
                run = 0;
            }
        }

        return best;
    }
}
