namespace NewsEtl.Repair;

/// <summary>What the repair stage may change. Defaults repair damage and leave style alone.</summary>
public sealed record RepairOptions
{
    /// <summary>Legacy charsets whose out-of-step damage is looked for, by name ("gbk", "big5").</summary>
    public IReadOnlyList<string> Charsets { get; init; } = ["gbk", "big5"];

    /// <summary>Remove pinyin notes a script converter left after characters ("聯(lián)" → "聯").</summary>
    public bool RemovePinyinNotes { get; init; } = true;

    /// <summary>
    /// Write ，：；？！（） in full width where the page folded them to ASCII between Han characters.
    /// Off by default: it changes text that is not damaged, only differently typeset.
    /// </summary>
    public bool RestoreFullWidthPunctuation { get; init; }

    /// <summary>
    /// How many '?' and U+FFFD marks of one text are analysed as lost bytes; the rest stay as they are and the
    /// text is reported. Bounds the cost of hostile input (a binary file read as text is mostly U+FFFD).
    /// </summary>
    public int MaxMarksPerText { get; init; } = 1000;

    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var name in Charsets)
        {
            if (name is not ("gbk" or "big5"))
            {
                errors.Add($"repair charset '{name}' is not supported: use 'gbk' and/or 'big5'.");
            }
        }

        if (MaxMarksPerText < 0)
        {
            errors.Add("repair MaxMarksPerText must not be negative.");
        }

        return errors;
    }
}
