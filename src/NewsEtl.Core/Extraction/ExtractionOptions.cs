namespace NewsEtl.Extraction;

/// <summary>Limits the extract stage puts on hostile pages, with their defaults.</summary>
public sealed record ExtractionOptions
{
    /// <summary>The default <see cref="MaxNestingDepth"/>: Chromium's parser limit.</summary>
    public const int DefaultMaxNestingDepth = 512;

    public static ExtractionOptions Default { get; } = new();

    /// <summary>
    /// Elements nested deeper than this are flattened before parsing (their tags dropped, their text kept), as browsers
    /// do, so a page of 100,000 unclosed tags costs milliseconds and cannot exhaust the stack.
    /// </summary>
    public int MaxNestingDepth { get; init; } = DefaultMaxNestingDepth;

    /// <summary>Returns one message per problem, each naming the option and the fix; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxNestingDepth is < 16 or > 10_000)
        {
            errors.Add($"MaxNestingDepth must be 16 to 10000 (got {MaxNestingDepth}); use {DefaultMaxNestingDepth}, the depth browsers allow.");
        }

        return errors;
    }
}
