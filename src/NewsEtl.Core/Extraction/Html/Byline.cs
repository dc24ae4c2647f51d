namespace NewsEtl.Extraction.Html;

/// <summary>Who wrote, edited or first published an article, as its byline lines say.</summary>
public sealed record Byline(IReadOnlyList<string> Authors, string? Outlet, string? Editor)
{
    public static Byline Empty { get; } = new([], null, null);

    public bool IsEmpty => Authors.Count == 0 && Outlet is null && Editor is null;

    /// <summary>Authors accumulate in order; the first outlet and editor named win.</summary>
    public Byline Merge(Byline other) =>
        new(Authors.Concat(other.Authors).Distinct(StringComparer.Ordinal).ToList(), Outlet ?? other.Outlet, Editor ?? other.Editor);
}
