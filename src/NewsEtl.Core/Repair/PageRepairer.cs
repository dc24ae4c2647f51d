namespace NewsEtl.Repair;

/// <summary>Repairs the texts of one page; every pass returns its edits, applied in order.</summary>
public sealed class PageRepairer
{
    private readonly RepairOptions _options;
    private readonly OutOfStepRepair _outOfStep;
    private readonly InsertedNoteRepair _insertedNote;
    private readonly WholeRunMojibakeRepair _wholeRun;

    internal PageRepairer(RepairOptions options, TextScorer scorer, IReadOnlyList<DoubleByteCodec> codecs)
    {
        _options = options;
        _outOfStep = new OutOfStepRepair(scorer, codecs, options.MaxMarksPerText);
        _insertedNote = new InsertedNoteRepair(scorer, codecs);
        _wholeRun = new WholeRunMojibakeRepair(scorer);
    }

    public RepairResult Repair(string text)
    {
        var edits = new List<TextEdit>();
        var suspects = new List<Suspect>();
        var current = text;
        foreach (var pass in Passes())
        {
            var result = pass(current);
            edits.AddRange(result.Edits);
            suspects.AddRange(result.Suspects);
            current = result.Text;
        }

        return new RepairResult(current, edits, suspects);
    }

    private IEnumerable<Func<string, RepairResult>> Passes()
    {
        // Notes inside characters first: the out-of-step pass would read their '?' as a lost lead byte.
        yield return _insertedNote.Apply;
        yield return _outOfStep.Apply;
        yield return _wholeRun.Apply;
        yield return HtmlRemnantRepair.Apply;
        if (_options.RemovePinyinNotes)
        {
            yield return PinyinNoteRepair.Apply;
        }

        if (_options.RestoreFullWidthPunctuation)
        {
            yield return PunctuationRestore.Apply;
        }
    }
}
