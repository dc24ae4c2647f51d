namespace NewsEtl.Output.Report;

/// <summary>
/// One repair as a diff: the text both sides share around the change, and the part removed and added.
/// Long parts are clipped for display (the full text is in repairs.jsonl); cuts never split a surrogate pair.
/// </summary>
internal readonly record struct InlineDiff(string Prefix, string Removed, string Added, string Suffix)
{
    public const int MaxContext = 16;
    public const int MaxChange = 240;

    public static InlineDiff Of(string before, string after)
    {
        var limit = Math.Min(before.Length, after.Length);
        var prefix = 0;
        while (prefix < limit && before[prefix] == after[prefix])
        {
            prefix++;
        }

        if (prefix > 0 && char.IsHighSurrogate(before[prefix - 1]))
        {
            prefix--;
        }

        var suffix = 0;
        while (suffix < limit - prefix && before[^(suffix + 1)] == after[^(suffix + 1)])
        {
            suffix++;
        }

        if (suffix > 0 && char.IsLowSurrogate(before[^suffix]))
        {
            suffix--;
        }

        return new InlineDiff(
            before[..prefix],
            before[prefix..^suffix],
            after[prefix..^suffix],
            before[^suffix..]);
    }

    /// <summary>The last <paramref name="max"/> characters, after an ellipsis when cut.</summary>
    public static string Tail(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var start = text.Length - max;
        if (char.IsLowSurrogate(text[start]))
        {
            start++;
        }

        return "…" + text[start..];
    }

    /// <summary>The first <paramref name="max"/> characters, before an ellipsis when cut.</summary>
    public static string Head(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return text[..end] + "…";
    }

    /// <summary>The first <paramref name="max"/> characters and how many were left out (0 when none).</summary>
    public static (string Shown, int Omitted) Clip(string text, int max)
    {
        if (text.Length <= max)
        {
            return (text, 0);
        }

        var end = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return (text[..end], text.Length - end);
    }
}
