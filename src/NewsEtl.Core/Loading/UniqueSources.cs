namespace NewsEtl.Loading;

/// <summary>
/// Gives every item of a scan its own source: the run store keeps one outcome per source, so a WARC that repeats a
/// record id, or a file named like an archive record ("a.warc.gz#urn:x"), would otherwise replace another input's
/// outcome. A repeat gets "~2", "~3"... in scan order, which is the same on every run.
/// </summary>
internal sealed class UniqueSources
{
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> next = new(StringComparer.Ordinal);

    public LoadItem Claim(LoadItem item)
    {
        var source = item.Source;
        if (seen.Add(source))
        {
            return item;
        }

        // The next free number is remembered per source, so a WARC repeating one id a million times stays linear.
        var n = next.GetValueOrDefault(source, 2);
        while (!seen.Add($"{source}~{n}"))
        {
            n++;
        }

        next[source] = n + 1;
        return item.WithSource($"{source}~{n}");
    }
}
