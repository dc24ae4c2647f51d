using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Classic mojibake: a run of text whose bytes were read in the wrong charset as a whole (UTF-8 as GBK or as
/// Latin-1 / Windows-1252, GBK as Big5 and the reverse, UTF-8 encoded twice). Runs of improbable characters are
/// read back every way those misreadings allow, and a reading replaces the run only when the language model
/// prefers it by a clear margin; otherwise a strongly improbable run stays, reported as a suspect.
/// </summary>
internal sealed class WholeRunMojibakeRepair(TextScorer scorer)
{
    // A reading must beat the run by as much as an out-of-step repair must: damage is rare in clean text.
    private const double Prior = OutOfStepRepair.DamagePrior;
    private const int Context = SlotResolver.Context;
    private const int MaxLatinRounds = 3;
    private const int MaxAsciiSkip = 12;
    private const int SwapFrame = 48;

    // NEWSETL_DEBUG=2 prints every reading of a run and its margin to standard error.
    private static readonly bool DebugCandidates = Environment.GetEnvironmentVariable("NEWSETL_DEBUG") == "2";

    public RepairResult Apply(string text)
    {
        var traditional = scorer.Page.IsTraditional;
        if (SuspectRun.Next(text, 0, traditional) is null)
        {
            return RepairResult.Unchanged(text);
        }

        var edits = new List<TextEdit>();
        var suspects = new List<Suspect>();
        var current = text;
        var from = 0;
        var repairedUpTo = -1;
        while (NextRun(current, from, traditional, repairedUpTo) is { } run)
        {
            if (Best(current, run) is not { } best)
            {
                var glued = run.Weight < CharEvidence.Strong;
                if (glued || run.Weight >= 2 * CharEvidence.Strong || current.AsSpan(run.Start, run.End - run.Start).Contains('\uFFFD'))
                {
                    suspects.Add(new Suspect("mojibake", run.Start, current[run.Start..run.End], glued
                        ? "improbable characters right after a repaired misreading, which no misreading explains"
                        : "improbable characters that no misreading explains"));
                }

                from = run.End;
                repairedUpTo = -1;
                continue;
            }

            edits.Add(Edit(current, best));
            // A U+FFFD the text already had is reported where it is found; one the reading left is reported here.
            if (!current.AsSpan(best.Start, best.End - best.Start).Contains('\uFFFD'))
            {
                for (var k = best.Text.IndexOf(SlotResolver.LostByte, StringComparison.Ordinal); k >= 0; k = best.Text.IndexOf(SlotResolver.LostByte, k + 1, StringComparison.Ordinal))
                {
                    suspects.Add(new Suspect(best.Kind, best.Start + k, SlotResolver.LostByte, "the misreading swallowed a digit or ASCII mark here; nothing tells which, so it stands as U+FFFD"));
                }
            }

            current = string.Concat(current.AsSpan(0, best.Start), best.Text, current.AsSpan(best.End));
            from = best.Start + best.Text.Length;
            repairedUpTo = from;
        }

        return edits.Count == 0 && suspects.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(current, edits, suspects);
    }

    /// <summary>
    /// The next run to read. Right after a repaired misreading any improbable character starts one: a misread
    /// stretch seldom ends exactly where the reading did ("个，鍒?025" is "个，到2025" with the lead of 到's trail lost).
    /// </summary>
    private static SuspectRun? NextRun(string text, int from, bool traditional, int repairedUpTo)
    {
        if (repairedUpTo >= 0 && SuspectRun.Next(text, from, traditional, minWeight: 1) is { } near && near.Start - repairedUpTo <= SuspectRun.MaxGap
            && near.Weight < CharEvidence.Strong)
        {
            return near;
        }

        return SuspectRun.Next(text, from, traditional);
    }

    /// <summary>The edit without the characters the reading left as they were at either end.</summary>
    private static TextEdit Edit(string text, RunCandidate best)
    {
        var before = text.AsSpan(best.Start, best.End - best.Start);
        var after = best.Text.AsSpan();
        var head = before.CommonPrefixLength(after);
        before = before[head..];
        after = after[head..];
        var tail = 0;
        while (tail < before.Length && tail < after.Length && before[^(tail + 1)] == after[^(tail + 1)])
        {
            tail++;
        }

        var confidence = Math.Round(1 - Math.Exp(-best.Margin / 2), 3);
        return new TextEdit(best.Kind, best.Start + head, before[..^tail].ToString(), after[..^tail].ToString(), confidence);
    }

    private RunCandidate? Best(string text, SuspectRun run)
    {
        RunCandidate? best = null;
        foreach (var candidate in Utf8Readings(text, run).Concat(LegacyLatinReadings(text, run)).Concat(SwapReadings(text, run)))
        {
            if (DebugCandidates)
            {
                Console.Error.WriteLine($"[{candidate.Kind}] {text[candidate.Start..candidate.End]} -> {candidate.Text} margin {candidate.Margin:F2}");
            }

            if (candidate.Margin > 0 && (best is null || candidate.Margin > best.Margin))
            {
                best = candidate;
            }
        }

        return best;
    }

    private IEnumerable<RunCandidate> Utf8Readings(string text, SuspectRun run)
    {
        foreach (var misreading in new[] { Utf8Misreading.AsGbk, Utf8Misreading.AsLatin })
        {
            foreach (var (start, end, pieces) in misreading.Readings(text, run))
            {
                if (Evidence(text.AsSpan(start, end - start)) < CharEvidence.Strong)
                {
                    // Lost bytes alone are no evidence: a reading must also explain improbable characters.
                    continue;
                }

                var reading = Resolve(text, start, end, pieces);
                var kind = misreading.KindOf(text.AsSpan(start, end - start));
                if (ReferenceEquals(misreading, Utf8Misreading.AsLatin))
                {
                    // Encoded twice: the first reading is itself UTF-8 read as Latin-1.
                    for (var round = 1; round < MaxLatinRounds && Again(reading) is { } deeper; round++)
                    {
                        reading = deeper;
                        kind = "double-utf8";
                    }
                }

                yield return new RunCandidate(kind, start, end, reading, Margin(text, start, end, reading));
            }
        }
    }

    /// <summary>GBK or Big5 read as Latin-1 or Windows-1252: only where the run holds characters such a reading makes.</summary>
    private IEnumerable<RunCandidate> LegacyLatinReadings(string text, SuspectRun run)
    {
        if (!LegacyLatinMisreading.Applies(text, run))
        {
            yield break;
        }

        foreach (var misreading in LegacyLatinMisreading.All)
        {
            foreach (var (start, end, reading) in misreading.Readings(text, run))
            {
                yield return new RunCandidate(misreading.KindOf(text.AsSpan(start, end - start)), start, end, reading, Margin(text, start, end, reading));
            }
        }
    }

    private int Evidence(ReadOnlySpan<char> window)
    {
        var weight = 0;
        foreach (var c in window)
        {
            weight += c == '\uFFFD' ? 0 : CharEvidence.Weight(c, scorer.Page.IsTraditional);
        }

        return weight;
    }

    /// <summary>The reading of a whole decoded text as UTF-8 read as Latin-1 once more, when it is that.</summary>
    private static string? Again(string reading)
    {
        if (!reading.AsSpan().ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return null;
        }

        foreach (var (start, end, pieces) in Utf8Misreading.AsLatin.Readings(reading, new SuspectRun(0, 1, CharEvidence.Strong)))
        {
            if (start == 0 && end == reading.Length && pieces.TrueForAll(p => p.Known))
            {
                return string.Concat(pieces.Select(p => p.Choices[0]));
            }
        }

        return null;
    }

    /// <summary>Joins the decoded characters, choosing each character with a lost byte by its neighbours.</summary>
    private string Resolve(string text, int start, int end, List<Utf8Piece> pieces)
    {
        var sb = new System.Text.StringBuilder(pieces.Count + 1);
        for (var k = 0; k < pieces.Count; k++)
        {
            var piece = pieces[k];
            if (piece.Known)
            {
                sb.Append(piece.Choices[0]);
                continue;
            }

            var left = sb.Length >= Context ? sb.ToString(sb.Length - Context, Context) : text[Math.Max(0, start - Context + sb.Length)..start] + sb;
            var right = new System.Text.StringBuilder();
            var j = k + 1;
            for (; j < pieces.Count && right.Length < Context; j++)
            {
                if (!pieces[j].Known && !ReferenceEquals(pieces[j], Utf8Misreading.SwallowedAscii))
                {
                    break;
                }

                // A swallowed byte stands as a digit, as the out-of-step repair reads one: "原?" before "000元" is 原价.
                right.Append(pieces[j].Known ? pieces[j].Choices[0] : "0");
            }

            if (right.Length < Context && j == pieces.Count)
            {
                right.Append(text.AsSpan(end, Math.Min(Context - right.Length, text.Length - end)));
            }

            var chosen = piece.Choices[0];
            double bestScore = double.NegativeInfinity, runnerUp = double.NegativeInfinity;
            foreach (var choice in piece.Choices)
            {
                var score = scorer.Score(left, choice, right.ToString());
                if (score > bestScore)
                {
                    runnerUp = bestScore;
                    bestScore = score;
                    chosen = choice;
                }
                else if (score > runnerUp)
                {
                    runnerUp = score;
                }
            }

            // A swallowed digit or mark is written only when it clearly leads, as in the out-of-step repair: a wrong
            // digit changes a figure without a trace, so an undecided one stands as U+FFFD and is reported.
            if (ReferenceEquals(piece, Utf8Misreading.SwallowedAscii) && bestScore - runnerUp < SlotResolver.SwallowedMargin)
            {
                chosen = SlotResolver.LostByte;
            }

            sb.Append(chosen);
        }

        return sb.ToString();
    }

    /// <summary>GBK read as Big5 and the reverse: the swapped stretch grows from the run while each step raises the margin.</summary>
    private IEnumerable<RunCandidate> SwapReadings(string text, SuspectRun run)
    {
        if (MostlyLatin(text, run))
        {
            // "Í¨Î¯Ô±": a Latin reading of high bytes, not a swap; read as one, some of its signs become Han characters
            // (GBK's "±" is Big5's "㊣") and the rest stays Latin.
            yield break;
        }

        foreach (var swap in new[] { DoubleByteSwap.GbkAsBig5, DoubleByteSwap.Big5AsGbk })
        {
            // One frame for every stretch tried, so their margins compare: a word across the stretch's edge counts the same way.
            var frameStart = Math.Max(0, run.Start - SwapFrame);
            var frameEnd = Math.Min(text.Length, run.End + SwapFrame);
            var baseline = scorer.Score(text.AsSpan(frameStart, frameEnd - frameStart), [], []);
            double SwapMargin(int s, int e) =>
                scorer.Score(text.AsSpan(frameStart, s - frameStart), swap.Swap(text.AsSpan(s, e - s)), text.AsSpan(e, frameEnd - e)) - baseline - Prior;

            var (start, end) = (run.Start, run.End);
            var margin = SwapMargin(start, end);
            while (true)
            {
                var (bestStart, bestEnd, bestMargin) = (start, end, margin);
                // Grow by one or two characters at either end, or shrink by one: the run may have taken in a rare but clean neighbour.
                ReadOnlySpan<(int, int)> moves =
                [
                    (Left(text, start, 1), end), (start, Right(text, end, 1)), (Left(text, start, 2), end), (start, Right(text, end, 2)),
                    (start + 1, end), (start, end - 1),
                ];
                foreach (var (s, e) in moves)
                {
                    if ((s == start && e == end) || s < frameStart || e > frameEnd || e - s < 1 || !Swappable(text, s, start, swap) || !Swappable(text, end, e, swap))
                    {
                        continue;
                    }

                    var m = SwapMargin(s, e);
                    if (m > bestMargin)
                    {
                        (bestStart, bestEnd, bestMargin) = (s, e, m);
                    }
                }

                if (bestStart == start && bestEnd == end)
                {
                    break;
                }

                (start, end, margin) = (bestStart, bestEnd, bestMargin);
            }

            // One swapped character is too little evidence: a single odd character is more often a typo or a name.
            if (end - start >= 2)
            {
                yield return new RunCandidate(swap.Kind, start, end, swap.Swap(text.AsSpan(start, end - start)), margin);
            }
        }
    }

    /// <summary>True when most of the run's non-ASCII characters are Latin-1 letters and signs.</summary>
    private static bool MostlyLatin(string text, SuspectRun run)
    {
        int latin = 0, other = 0;
        foreach (var c in text.AsSpan(run.Start, run.End - run.Start))
        {
            if (c is >= '\u0080' and <= '\u00FF')
            {
                latin++;
            }
            else if (c > '\u00FF')
            {
                other++;
            }
        }

        return latin > other;
    }

    /// <summary>The stretch grows by whole characters, passing over ASCII (digits, Latin names) that both charsets share.</summary>
    private static int Right(string text, int end, int steps)
    {
        var i = end;
        for (var k = 0; k < steps && i < text.Length; k++)
        {
            while (i < text.Length - 1 && text[i] < '\u0080' && i - end < MaxAsciiSkip)
            {
                i++;
            }

            i++;
        }

        return i;
    }

    private static int Left(string text, int start, int steps)
    {
        var i = start;
        for (var k = 0; k < steps && i > 0; k++)
        {
            while (i > 1 && text[i - 1] < '\u0080' && start - i < MaxAsciiSkip)
            {
                i--;
            }

            i--;
        }

        return i;
    }

    private static bool Swappable(string text, int from, int to, DoubleByteSwap swap)
    {
        for (var i = from; i < to; i++)
        {
            if (!swap.CanSwap(text[i]) && text[i] >= '\u0080')
            {
                return false;
            }
        }

        return true;
    }

    private double Margin(string text, int start, int end, string reading)
    {
        var left = text.AsSpan(Math.Max(0, start - Context), Math.Min(Context, start));
        var right = text.AsSpan(end, Math.Min(Context, text.Length - end));
        var original = text.AsSpan(start, end - start);
        return scorer.Score(left, reading, right) - scorer.Score(left, original, right) - Prior;
    }
}
