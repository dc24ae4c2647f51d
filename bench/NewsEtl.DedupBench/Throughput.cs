using System.Diagnostics;
using NewsEtl.Dedup;
using NewsEtl.Model;

namespace NewsEtl.DedupBench;

internal sealed record ThroughputResult(
    int Records, int Duplicates, int Planted, int FalseLinks, int MissedCopies, double GenerateSeconds, double FingerprintSeconds, double MatchSeconds,
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
        var (duplicates, totalLength, planted, falseLinks, missed) = (0, 0L, 0, 0, 0);
        var answers = new string?[records];
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
            for (var i = 0; i < count; i++)
            {
                var n = start + i;
                var answer = answers[n] = index.FindAndAdd(prints[i]);
                duplicates += answer is null ? 0 : 1;

                // A planted copy is right when it points at its source or at the source's own answer; an original
                // given any duplicate_of is a false link (unless it is also a planted copy's source, still false).
                var source = Source(n);
                if (source >= 0)
                {
                    planted++;
                    var right = answer is not null && (answer == $"r{source}" || answer == answers[source]);
                    missed += answer is null ? 1 : 0;
                    falseLinks += answer is not null && !right ? 1 : 0;
                }
                else
                {
                    falseLinks += answer is null ? 0 : 1;
                }
            }

            match.Stop();
            matchCpu += Cpu(process) - cpu;
            totalLength += bodies.Sum(b => (long)b.Length);
        }

        var managed = GC.GetTotalMemory(true);
        GC.KeepAlive(index);
        return new ThroughputResult(
            records, duplicates, planted, falseLinks, missed, generate.Elapsed.TotalSeconds, fingerprint.Elapsed.TotalSeconds, match.Elapsed.TotalSeconds,
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

    /// <summary>
    /// Precision and recall at 100,000-record scale for each threshold: the corpus is fingerprinted once and matched
    /// again per threshold (the thresholds do not change signatures).
    /// </summary>
    public static List<(double Threshold, int Given, int FalseLinks, int Missed, int Planted)> Scale(NearDuplicateOptions options, int records, double[] thresholds)
    {
        var fingerprinter = new NearDuplicateIndex(options);
        var prints = new IndexedArticle[records];
        Parallel.For(0, records, n =>
        {
            var normalized = TextFingerprint.Normalize(Body(n));
            prints[n] = fingerprinter.Fingerprint($"r{n}", Hashing.Sha256Hex(normalized), normalized);
        });

        var results = new List<(double, int, int, int, int)>();
        foreach (var threshold in thresholds)
        {
            var index = new NearDuplicateIndex(options with { Threshold = threshold });
            var answers = new string?[records];
            var (given, falseLinks, missed, planted) = (0, 0, 0, 0);
            for (var n = 0; n < records; n++)
            {
                var answer = answers[n] = index.FindAndAdd(prints[n]);
                given += answer is null ? 0 : 1;
                var source = Source(n);
                planted += source >= 0 ? 1 : 0;
                missed += source >= 0 && answer is null ? 1 : 0;
                falseLinks += answer is not null && (source < 0 || (answer != $"r{source}" && answer != answers[source])) ? 1 : 0;
            }

            results.Add((threshold, given, falseLinks, missed, planted));
        }

        return results;
    }

    /// <summary>Record <paramref name="n"/>: an original on one of the many topics, or every tenth a copy of an earlier record.</summary>
    private static string Body(int n)
    {
        var source = Source(n);
        if (source >= 0)
        {
            var original = ArticleGenerator.Compose(Topic(source), source);
            return Variants.Make(original, Variants.All[n / 10 % Variants.All.Length], Rng.For(93, n));
        }

        return ArticleGenerator.Compose(Topic(n), n).Body;
    }

    /// <summary>The earlier original that record <paramref name="n"/> copies, or −1 for an original.</summary>
    private static int Source(int n)
    {
        if (n % 10 != 9)
        {
            return -1;
        }

        var source = Rng.For(91, n).Next(n);
        return source - (source % 10 == 9 ? 1 : 0);
    }

    private static int Topic(int n) => Rng.For(92, n).Next(ArticleGenerator.TopicCount);
}
