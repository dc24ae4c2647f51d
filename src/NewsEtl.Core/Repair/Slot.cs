namespace NewsEtl.Repair;

/// <summary>One character of a realigned stream: known, or with one or both bytes to infer.</summary>
internal readonly record struct Slot(SlotKind Kind, char Value, int KnownByte)
{
    public static readonly Slot UnknownAscii = new(SlotKind.UnknownAscii, '\0', 0);
    public static readonly Slot LostBoth = new(SlotKind.LostBoth, '\0', 0);
    public static readonly Slot Invalid = new(SlotKind.Invalid, '\0', 0);

    public static Slot Char(char c) => new(SlotKind.Known, c, 0);

    public static Slot LostLead(int trail) => new(SlotKind.LostLead, '\0', trail);

    public static Slot LostTrail(int lead) => new(SlotKind.LostTrail, '\0', lead);
}

internal enum SlotKind
{
    Known,
    LostLead,
    LostTrail,
    LostBoth,
    UnknownAscii,
    Invalid,
}
