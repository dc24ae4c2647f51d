using System.Diagnostics;
using AngleSharp.Html.Parser;
using NewsEtl.Loading;
using NewsEtl.Model;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>A throughput measurement over a list of files.</summary>
internal sealed record Throughput(string Name, int Threads, int Pages, long Bytes, double Seconds, double CpuSeconds, string LoadAverage)
{
    public double PagesPerSecond => Pages / Seconds;

    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public override string ToString() => $"{Name} ({Threads} thread{(Threads == 1 ? "" : "s")}): {Pages} pages, {PagesPerSecond:F1} pages/s, {MegabytesPerSecond:F2} MB/s, {Seconds:F1} s, CPU {CpuSeconds:F1} s, load {LoadAverage}";
}

/// <summary>
/// The bare limit: read each file and parse it with AngleSharp, nothing else (AngleSharp decodes the bytes itself,
/// by BOM and &lt;meta charset&gt;). A second variant decodes with NewsEtl's PageDecoder first, as the pipeline does.
/// </summary>
internal static class BareLimit
{
    // One parser per thread, as the pipeline keeps one.
    [ThreadStatic]
    private static HtmlParser? t_parser;

    public static Throughput Measure(IReadOnlyList<string> files, int threads) => Run("bare: read + AngleSharp parse", files, threads, ParseBytes);

    public static Throughput MeasureWithDecoder(IReadOnlyList<string> files, int threads) => Run("read + PageDecoder + AngleSharp parse", files, threads, DecodeAndParse);

    private static int ParseBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = Parser.ParseDocument(stream);
        return document.All.Length;
    }

    private static int DecodeAndParse(byte[] bytes)
    {
        var page = PageDecoder.Decode(new RawInput("bare", bytes, null, null, "text/html"));
        using var document = Parser.ParseDocument(page.Text);
        return document.All.Length;
    }

    private static HtmlParser Parser => t_parser ??= new HtmlParser();

    private static Throughput Run(string name, IReadOnlyList<string> files, int threads, Func<byte[], int> work)
    {
        Encodings.EnsureRegistered();
        // Warm the JIT on a few pages; the timed pass then measures steady state.
        foreach (var file in files.Take(50))
        {
            work(File.ReadAllBytes(file));
        }

        GC.Collect();
        var next = -1;
        long bytes = 0;
        var load = Machine.LoadAverage();
        var cpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            long mine = 0;
            int i;
            while ((i = Interlocked.Increment(ref next)) < files.Count)
            {
                var data = File.ReadAllBytes(files[i]);
                mine += data.Length;
                work(data);
            }

            Interlocked.Add(ref bytes, mine);
        })).ToList();
        workers.ForEach(t => t.Start());
        workers.ForEach(t => t.Join());
        var seconds = clock.Elapsed.TotalSeconds;
        return new Throughput(name, threads, files.Count, bytes, seconds, (Environment.CpuUsage.TotalTime - cpu).TotalSeconds, $"{load} -> {Machine.LoadAverage()}");
    }
}
