using System.Diagnostics;
using NewsEtl.Dedup;
using NewsEtl.Model;

namespace NewsEtl.DedupBench;

internal sealed record ThroughputResult(
    int Records, int Duplicates, double GenerateSeconds, double FingerprintSeconds, double MatchSeconds,
    double FingerprintCpuSeconds, double MatchCpuSeconds, double MeanLength, long PeakWorkingSet, long ManagedAfter, long IndexBytes);

/// <summary>
/// Indexes a stream of generated records as the runner does: normalize, hash and fingerprint in parallel, then
/// FindAndAdd one by one in order. Every tenth record is a near-duplicate of an earlier one. Bodies are made batch by
/// batch and dropped, so the memory measured is the index's, not the corpus's.
/// </summary>
internal static class Throughput
{
    private const int Batch = 4096;

    public static ThroughputResult Run(NearDuplicateOptions options, int records)
    {
        var index = new NearDuplicateIndex(options);
        var (generate, fingerprint, match) = (new Stopwatch(), new Stopwatch(), new Stopwatch());
        var (duplicates, totalLength) = (0, 0L);
        var (fingerprintCpu, matchCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        for (var start = 0; start < records; start += Batch)
        {
            var count = Math.Min(Batch, records - start);
            generate.Start();
            var bodies = new string[count];
            Parallel.For(0, count, i => bodies[i] = Body(start + i));
            generate.Stop();

            fingerprint.Start();
            var cpu = Cpu(process);
            var prints = new IndexedArticle[count];
            Parallel.For(0, count, i =>
            {
                var normalized = TextFingerprint.Normalize(bodies[i]);
                prints[i] = index.Fingerprint($"r{start + i}", Hashing.Sha256Hex(normalized), normalized);
            });
            fingerprint.Stop();
            fingerprintCpu += Cpu(process) - cpu;
            cpu = Cpu(process);

            match.Start();
            foreach (var print in prints)
            {
                duplicates += index.FindAndAdd(print) is null ? 0 : 1;
            }

            match.Stop();
            matchCpu += Cpu(process) - cpu;
            totalLength += bodies.Sum(b => (long)b.Length);
        }

        var managed = GC.GetTotalMemory(true);
        GC.KeepAlive(index);
        return new ThroughputResult(
            records, duplicates, generate.Elapsed.TotalSeconds, fingerprint.Elapsed.TotalSeconds, match.Elapsed.TotalSeconds,
            fingerprintCpu.TotalSeconds, matchCpu.TotalSeconds, (double)totalLength / records, Peak(process), managed, managed - before);
    }

    private static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static long Peak(Process process)
    {
        process.Refresh();
        return process.PeakWorkingSet64;
    }

    /// <summary>Record <paramref name="n"/>: an original on one of the many topics, or every tenth a copy of an earlier record.</summary>
    private static string Body(int n)
    {
        var rng = Rng.For(91, n);
        if (n % 10 == 9)
        {
            var source = rng.Next(n);
            source -= source % 10 == 9 ? 1 : 0;
            var original = ArticleGenerator.Compose(Topic(source), source);
            return Variants.Make(original, Variants.All[rng.Next(Variants.All.Length)], rng);
        }

        return ArticleGenerator.Compose(Topic(n), n).Body;
    }

    private static int Topic(int n) => Rng.For(92, n).Next(ArticleGenerator.TopicCount);
}
