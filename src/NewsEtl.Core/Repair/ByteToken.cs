namespace NewsEtl.Repair;

/// <summary>One byte of a reconstructed stream: a known value, or a byte the damage destroyed.</summary>
internal readonly record struct ByteToken(ByteTokenKind Kind, byte Value)
{
    public static ByteToken Known(int value) => new(ByteTokenKind.Known, (byte)value);

    public static readonly ByteToken LostLead = new(ByteTokenKind.Lost, 0);

    /// <summary>A byte the decoder swallowed as the invalid trail of a lead byte: it was below 0x40 (ASCII punctuation, digits, '&lt;', '(').</summary>
    public static readonly ByteToken Swallowed = new(ByteTokenKind.Swallowed, 0);
}

internal enum ByteTokenKind
{
    Known,
    Lost,
    Swallowed,
}
