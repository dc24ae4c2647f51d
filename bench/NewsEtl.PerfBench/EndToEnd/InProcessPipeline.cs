using System.Diagnostics;
using System.Text;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>Time and allocation per page of one page kind (or all), in the in-process pipeline on one thread.</summary>
internal sealed record KindCost(string Kind, int Pages, double DecodeMs, double ExtractMs, double RestMs, double DecodeKb, double ExtractKb, double RestKb)
{
    public double TotalKb => DecodeKb + ExtractKb + RestKb;

    public double TotalMs => DecodeMs + ExtractMs + RestMs;
}

/// <summary>Allocation and time per page by kind: decode, extract, and the rest of ArticleProcessor (repair, dedup, record).</summary>
internal sealed record PipelineCost(IReadOnlyList<KindCost> Kinds, int Gen0, int Gen1, int Gen2, TimeSpan Paused, TimeSpan Elapsed)
{
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| kind | pages | decode ms | extract ms | repair+dedup+record ms | decode KB | extract KB | repair+dedup+record KB | total KB/page |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var k in Kinds)
        {
            sb.AppendLine($"| {k.Kind} | {k.Pages} | {k.DecodeMs:F2} | {k.ExtractMs:F2} | {k.RestMs:F2} | {k.DecodeKb:F0} | {k.ExtractKb:F0} | {k.RestKb:F0} | {k.TotalKb:F0} |");
        }

        sb.AppendLine($"GC collections: gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}; paused {Paused.TotalSeconds:F2} s of {Elapsed.TotalSeconds:F2} s");
        return sb.ToString();
    }
}

/// <summary>
/// Runs the pipeline's page work in-process on one thread (the extraction is run a second time on its own to
/// split its cost from the rest of <see cref="ArticleProcessor.Process"/>), measuring allocated bytes per stage.
/// </summary>
internal static class InProcessPipeline
{
    public static PipelineCost Measure(IReadOnlyList<string> files)
    {
        Encodings.EnsureRegistered();
        var extractor = new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor());
        var processor = new ArticleProcessor(extractor, new TextRepairer(new RepairOptions()), new InPageDeduplicator(new InPageDedupOptions()));
        var inputs = files.Select(f => (Kind: KindOf(f), Input: Load(f))).ToList();
        foreach (var (_, input) in inputs.Take(30))
        {
            processor.Process(PageDecoder.Decode(input), 0);
        }

        var sums = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var paused = GC.GetTotalPauseDuration();
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (kind, input) in inputs)
        {
            var a0 = GC.GetAllocatedBytesForCurrentThread();
            var t0 = Stopwatch.GetTimestamp();
            var page = PageDecoder.Decode(input);
            var a1 = GC.GetAllocatedBytesForCurrentThread();
            var t1 = Stopwatch.GetTimestamp();
            extractor.Extract(page);
            var a2 = GC.GetAllocatedBytesForCurrentThread();
            var t2 = Stopwatch.GetTimestamp();
            processor.Process(page, 0);
            var a3 = GC.GetAllocatedBytesForCurrentThread();
            var t3 = Stopwatch.GetTimestamp();
            double[] row = [1, Ms(t1 - t0), Ms(t2 - t1), Ms(t3 - t2) - Ms(t2 - t1), a1 - a0, a2 - a1, (a3 - a2) - (a2 - a1)];
            foreach (var key in new[] { kind, "all" })
            {
                var sum = sums.TryGetValue(key, out var s) ? s : sums[key] = new double[row.Length];
                for (var i = 0; i < row.Length; i++)
                {
                    sum[i] += row[i];
                }
            }
        }

        var kinds = sums.OrderBy(s => s.Key == "all" ? 1 : 0).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var n = s.Value[0];
            return new KindCost(s.Key, (int)n, s.Value[1] / n, s.Value[2] / n, s.Value[3] / n, s.Value[4] / n / 1024, s.Value[5] / n / 1024, s.Value[6] / n / 1024);
        }).ToList();
        return new PipelineCost(kinds, GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, GC.GetTotalPauseDuration() - paused, elapsed.Elapsed);
    }

    /// <summary>A file as the load stage gives it (without the saved-from URL, which only the internal loader reads).</summary>
    public static RawInput Load(string file) =>
        new(Path.GetFileName(file), File.ReadAllBytes(file), null, null, file.EndsWith(".txt", StringComparison.Ordinal) ? "text/plain" : "text/html");

    /// <summary>The page kind from a corpus file name ("000123-gbk.html").</summary>
    public static string KindOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? "other" : name[(dash + 1)..];
    }

    private static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
