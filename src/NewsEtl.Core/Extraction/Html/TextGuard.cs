namespace NewsEtl.Extraction.Html;

/// <summary>Rejects text that is not worth parsing: nothing in it, or bytes that were never text.</summary>
internal static class TextGuard
{
    private const int Sample = 8192;

    /// <summary>The reject reason, or null when the text looks like a document.</summary>
    public static string? Check(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "empty page";
        }

        var sample = text.AsSpan(0, Math.Min(text.Length, Sample));
        var suspicious = 0;
        foreach (var c in sample)
        {
            // Control characters and decoder replacements: a text page has almost none, a binary file decoded as text is full of them.
            if ((c < ' ' && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                suspicious++;
            }
        }

        return suspicious > sample.Length / 20 ? "not text: binary-looking content" : null;
    }
}
