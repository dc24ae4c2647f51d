namespace NewsEtl.Repair;

/// <summary>A reading of text[Start..End] as misread bytes decoded the right way, and how clearly it beats the text as it stands.</summary>
internal sealed record RunCandidate(string Kind, int Start, int End, string Text, double Margin);
