using System.Diagnostics;
using NewsEtl.Dedup;
using NewsEtl.Text;

namespace NewsEtl.DedupBench;

/// <summary>Times in-page dedup on long pages whose second copy is damaged and partly in the other script.</summary>
internal static class InPageTiming
{
    public static List<(int Paragraphs, double Milliseconds, int Kept)> Run(int[] sizes)
    {
        var deduplicator = new InPageDeduplicator(new InPageDedupOptions());
        deduplicator.Deduplicate(Page(50), "标题", null);
        var results = new List<(int, double, int)>();
        foreach (var size in sizes)
        {
            var page = Page(size);
            var clock = Stopwatch.StartNew();
            var result = deduplicator.Deduplicate(page, "标题", null);
            results.Add((page.Count, clock.Elapsed.TotalMilliseconds, result.Paragraphs.Count));
        }

        return results;
    }

    private static List<ParagraphDraft> Page(int size)
    {
        var distinct = size * 3 / 5;
        var rng = Rng.For(71, size);
        var body = Enumerable.Range(0, distinct)
            .Select(_ => string.Concat(Enumerable.Range(0, rng.Next(30, 150)).Select(_ => PhraseBank.EditChars[rng.Next(PhraseBank.EditChars.Length)])))
            .ToList();
        var copy = body.Take(size - distinct).Select((p, i) => i % 7 == 0 ? ChineseScript.ToTraditional(p[..^2]) + "\uFFFD" : p);
        return [.. body.Concat(copy).Select(p => new ParagraphDraft(p, p.Contains('\uFFFD') ? 1 : 0))];
    }
}
