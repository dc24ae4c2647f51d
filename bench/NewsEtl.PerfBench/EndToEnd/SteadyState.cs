using System.Diagnostics;
using System.Text;
using AngleSharp.Html.Parser;
using NewsEtl.Loading;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>One pass of <see cref="SteadyState"/>: the bare parse and the page processing over the same pages, in ms per page.</summary>
internal sealed record SteadyPass(int Pass, double BareMs, double ProcessMs, IReadOnlyDictionary<string, double> ProcessMsByKind)
{
    public double Share => BareMs / ProcessMs;
}

/// <summary>The passes of <see cref="SteadyState"/>, and how many pages each went over.</summary>
internal sealed record SteadyResult(int Pages, IReadOnlyList<SteadyPass> Passes)
{
    public override string ToString()
    {
        var kinds = Passes[^1].ProcessMsByKind.Keys.Order(StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.AppendLine($"{Pages} pages held in memory, one thread; each pass parses them all bare, then processes them all");
        sb.AppendLine();
        sb.AppendLine($"| pass | bare parse ms/page | processing ms/page | processing as a share of the bare parse | {string.Join(" | ", kinds.Select(k => k + " ms"))} |");
        sb.AppendLine($"|---:|---:|---:|---:|{string.Concat(kinds.Select(_ => "---:|"))}");
        foreach (var p in Passes)
        {
            sb.AppendLine($"| {p.Pass} | {p.BareMs:F3} | {p.ProcessMs:F3} | {p.Share * 100:F1} % | {string.Join(" | ", kinds.Select(k => p.ProcessMsByKind[k].ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))} |");
        }

        return sb.ToString();
    }
}

/// <summary>
/// The page processing at its steady state, against the bare parse on the same pages: no files read, no process start,
/// nothing stored or written, the JIT's tiers settled by the passes before. What the end-to-end run adds to this is
/// reading, hashing, fingerprinting, serializing, storing and writing the records, starting the process and compiling
/// its code; this is what the cleaning itself costs against AngleSharp's parse.
/// </summary>
internal static class SteadyState
{
    public static SteadyResult Measure(IReadOnlyList<string> files, int passes)
    {
        Encodings.EnsureRegistered();
        var processor = Quality.TextDumpQuality.Processor();
        var pages = files.Select(f => (Kind: InProcessPipeline.KindOf(f), Input: InProcessPipeline.Load(f))).Select(p => (p.Kind, p.Input, Bytes: p.Input.Bytes.ToArray())).ToList();
        var parser = new HtmlParser();
        var results = new List<SteadyPass>();
        var sink = 0L;
        for (var pass = 1; pass <= passes; pass++)
        {
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            foreach (var (_, _, bytes) in pages)
            {
                using var stream = new MemoryStream(bytes, writable: false);
                using var document = parser.ParseDocument(stream);
                sink += document.All.Length;
            }

            var bare = Stopwatch.GetElapsedTime(start).TotalMilliseconds / pages.Count;
            GC.Collect();
            var byKind = new Dictionary<string, (double Ms, int Pages)>(StringComparer.Ordinal);
            start = Stopwatch.GetTimestamp();
            foreach (var (kind, input, _) in pages)
            {
                var one = Stopwatch.GetTimestamp();
                sink += processor.Process(PageDecoder.Decode(input), 0).Repairs.Count;
                var (ms, n) = byKind.GetValueOrDefault(kind);
                byKind[kind] = (ms + Stopwatch.GetElapsedTime(one).TotalMilliseconds, n + 1);
            }

            var process = Stopwatch.GetElapsedTime(start).TotalMilliseconds / pages.Count;
            results.Add(new SteadyPass(pass, bare, process, byKind.ToDictionary(k => k.Key, k => k.Value.Ms / k.Value.Pages, StringComparer.Ordinal)));
        }

        GC.KeepAlive(sink);
        return new SteadyResult(pages.Count, results);
    }
}
