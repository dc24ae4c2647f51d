namespace NewsEtl.Loading;

/// <summary>Which files the load stage reads and how large an input may be.</summary>
public sealed record LoadOptions
{
    /// <summary>The default <see cref="MaxInputBytes"/>: 64 MiB.</summary>
    public const long DefaultMaxInputBytes = 64L * 1024 * 1024;

    /// <summary>The globs that name every supported format; handy as an explicit <see cref="Include"/>.</summary>
    public static IReadOnlyList<string> SupportedGlobs { get; } =
        ["*.html", "*.htm", "*.shtml", "*.xhtml", "*.txt", "*.mhtml", "*.mht", "*.warc", "*.warc.gz"];

    public static LoadOptions Default { get; } = new();

    /// <summary>
    /// Globs over the '/' path relative to the input folder (<c>*</c>, <c>**</c>, <c>?</c>; a glob without '/' matches
    /// the file name at any depth). Empty (the default) takes every file: supported formats load, any other file is
    /// reported as an "unsupported file type" rejection, so nothing is dropped unseen.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Globs of files to leave out, same syntax as <see cref="Include"/>; checked after it.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>The largest input (a file, or one decoded archive record) read into memory; larger ones are rejected.</summary>
    public long MaxInputBytes { get; init; } = DefaultMaxInputBytes;

    /// <summary>The default <see cref="MaxCompressionRatio"/>.</summary>
    public const int DefaultMaxCompressionRatio = 100;

    /// <summary>
    /// A .warc.gz that inflates to more than this many times the compressed bytes read (past the first 256 MiB) is a
    /// decompression bomb and is rejected; real archives of HTML compress 5 to 15 times.
    /// </summary>
    public int MaxCompressionRatio { get; init; } = DefaultMaxCompressionRatio;

    /// <summary>Returns one message per problem, each naming the option and the fix; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxInputBytes <= 0)
        {
            errors.Add($"MaxInputBytes must be greater than 0 (got {MaxInputBytes}); use the largest input size to accept, e.g. {DefaultMaxInputBytes} for 64 MiB.");
        }
        else if (MaxInputBytes > Array.MaxLength)
        {
            // An input is held in one byte array, which .NET caps just under 2 GiB.
            errors.Add($"MaxInputBytes must be at most {Array.MaxLength} (got {MaxInputBytes}); inputs are read into memory whole, so split larger archives.");
        }

        if (MaxCompressionRatio < 2)
        {
            errors.Add($"MaxCompressionRatio must be at least 2 (got {MaxCompressionRatio}); use {DefaultMaxCompressionRatio}.");
        }

        ValidateGlobs(nameof(Include), Include, errors);
        ValidateGlobs(nameof(Exclude), Exclude, errors);
        return errors;
    }

    private static void ValidateGlobs(string option, IReadOnlyList<string>? globs, List<string> errors)
    {
        if (globs is null)
        {
            errors.Add($"{option} is null; use an empty list to mean 'no {option.ToLowerInvariant()} globs'.");
            return;
        }

        for (var i = 0; i < globs.Count; i++)
        {
            if (Glob.Check(globs[i]) is { } problem)
            {
                errors.Add($"{option}[{i}] {problem}");
            }
        }
    }
}
