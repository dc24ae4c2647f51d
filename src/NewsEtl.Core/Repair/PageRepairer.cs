namespace NewsEtl.Repair;

/// <summary>Repairs the texts of one page; every pass returns its edits, applied in order.</summary>
public sealed class PageRepairer
{
    // The passes in order, made once per page: a page repairs each of its texts with them.
    private readonly Func<string, RepairResult>[] _passes;

    internal PageRepairer(RepairOptions options, TextScorer scorer, IReadOnlyList<DoubleByteCodec> codecs)
    {
        var outOfStep = new OutOfStepRepair(scorer, codecs, options.MaxMarksPerText);
        var insertedNote = new InsertedNoteRepair(scorer, codecs);
        var wholeRun = new WholeRunMojibakeRepair(scorer);

        // Notes inside characters first: the out-of-step pass would read their '?' as a lost lead byte.
        List<Func<string, RepairResult>> passes = [insertedNote.Apply, outOfStep.Apply, wholeRun.Apply, HtmlRemnantRepair.Apply];
        if (options.RemovePinyinNotes)
        {
            passes.Add(PinyinNoteRepair.Apply);
        }

        if (options.RestoreFullWidthPunctuation)
        {
            passes.Add(PunctuationRestore.Apply);
        }

        _passes = [.. passes];
    }

    public RepairResult Repair(string text)
    {
        // Most texts need nothing: no list is made for them.
        List<TextEdit>? edits = null;
        List<Suspect>? suspects = null;
        var current = text;
        foreach (var pass in _passes)
        {
            var result = pass(current);
            if (result.Edits.Count > 0)
            {
                (edits ??= []).AddRange(result.Edits);
            }

            if (result.Suspects.Count > 0)
            {
                (suspects ??= []).AddRange(result.Suspects);
            }

            current = result.Text;
        }

        return new RepairResult(current, edits is null ? [] : edits, suspects is null ? [] : suspects);
    }
}
