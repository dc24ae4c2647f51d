namespace NewsEtl.Repair;

/// <summary>One change the cleaner made to a piece of text: what stood at <paramref name="Offset"/> before, and what stands there now.</summary>
/// <param name="Kind">What kind of damage was undone, e.g. "gbk-out-of-step", "pinyin-note", "html-remnant".</param>
/// <param name="Offset">Character offset in the text as it was when this edit was applied (edits apply in order).</param>
/// <param name="Confidence">0..1: how clearly the repair beat the unrepaired text (1 for mechanical clean-ups).</param>
public sealed record TextEdit(string Kind, int Offset, string Before, string After, double Confidence);

/// <summary>A damaged span the cleaner found but could not repair with confidence; it stays in the text.</summary>
public sealed record Suspect(string Kind, int Offset, string Text, string Reason);

/// <summary>The repaired text, every edit that produced it, and what was left unrepaired.</summary>
public sealed record RepairResult(string Text, IReadOnlyList<TextEdit> Edits, IReadOnlyList<Suspect> Suspects)
{
    public static RepairResult Unchanged(string text) => new(text, [], []);
}
