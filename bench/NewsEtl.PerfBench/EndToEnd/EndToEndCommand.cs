using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsEtl.PerfBench.Corpus;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>One timed CLI run.</summary>
internal sealed record CliRun(
    string Name,
    int Parallelism,
    string? PinnedCpus,
    int ExitCode,
    double WallSeconds,
    double CpuSeconds,
    double PagesPerSecond,
    double MegabytesPerSecond,
    double PeakRssMb,
    string PeakRssSource,
    int Records,
    int Rejected,
    int Failed,
    string LoadAverage,
    SortedDictionary<string, long> TimingsMs);

/// <summary>Everything one e2e invocation measured, saved as JSON next to RESULTS.md.</summary>
internal sealed record EndToEndResult(
    string Date,
    string Machine,
    CorpusManifest Corpus,
    IReadOnlyList<CliRun> Runs,
    IReadOnlyList<Throughput> Bare);

/// <summary>
/// Generates (or reuses) the corpus, builds the CLI in Release, and times `newsetl run` once per parallelism on a
/// fresh output folder (or in N alternating rounds with --repeat N, with the median of each parallelism), then the
/// bare limit in-process.
/// </summary>
internal static class EndToEndCommand
{
    private const double AverageKb = 130;

    public static async Task<int> RunAsync(Args options, string repo, string work, int seed, string templates)
    {
        var pages = options.Int("pages", 10_000);
        Directory.CreateDirectory(work);
        CheckDisk(work, pages);
        var corpusDir = Path.Combine(work, $"corpus-{pages}");
        var corpus = CorpusGenerator.Generate(corpusDir, pages, seed, templates, Console.Out);
        var cli = await BuildCliAsync(repo);
        var files = CorpusGenerator.Files(corpusDir);
        WarmPageCache(files);

        // Rounds alternate the parallelisms (1, 2, 1, 2, ...), so a slow spell of a shared machine hits both alike.
        var runs = new List<CliRun>();
        var rounds = options.Int("repeat", 1);
        for (var round = 1; round <= rounds; round++)
        {
            if (options.Has("pinned"))
            {
                // One core in the literal sense: -p 1 confined to CPU 0, where the producer, the store writer, the
                // compiler and the collector share it with the worker (unpinned, -p 1 keeps more than one core busy).
                runs.Add(RunCli(cli, corpusDir, Path.Combine(work, $"out-{pages}-p1-pinned"), 1, "0", corpus, rounds > 1 ? round : null));
            }

            foreach (var p in options.Ints("parallelism", [1, Environment.ProcessorCount]))
            {
                runs.Add(RunCli(cli, corpusDir, Path.Combine(work, $"out-{pages}-p{p}"), p, null, corpus, rounds > 1 ? round : null));
            }
        }

        var bare = new List<Throughput>();
        if (!options.Has("no-bare"))
        {
            foreach (var threads in new[] { 1, Environment.ProcessorCount })
            {
                bare.Add(BareLimit.Measure(files, threads));
                Console.WriteLine(bare[^1]);
            }

            if (options.Has("decoder-variant"))
            {
                foreach (var threads in new[] { 1, Environment.ProcessorCount })
                {
                    bare.Add(BareLimit.MeasureWithDecoder(files, threads));
                    Console.WriteLine(bare[^1]);
                }
            }
        }

        var result = new EndToEndResult(
            DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            corpus,
            runs,
            bare);
        var resultsFile = options.Text("results", Path.Combine(repo, "bench", "perf", "results", $"e2e-{pages}.json"));
        Directory.CreateDirectory(Path.GetDirectoryName(resultsFile)!);
        await File.WriteAllTextAsync(resultsFile, JsonSerializer.Serialize(result, JsonOptions.Indented));
        Console.WriteLine(Table(result));
        Console.WriteLine($"results: {resultsFile}");
        return runs.All(r => r.ExitCode is 0 or 1) ? 0 : 1;
    }

    private static CliRun RunCli(string cli, string input, string output, int parallelism, string? pin, CorpusManifest corpus, int? round = null)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var name = (pin is null ? $"newsetl -p {parallelism}" : $"newsetl -p {parallelism}, pinned to CPU {pin}") + (round is { } r ? $" #{r}" : string.Empty);
        Console.WriteLine($"{name}: running over {corpus.Pages} pages ...");
        var load = Machine.LoadAverage();
        var run = ChildProcess.Run(cli, ["run", "--input", input, "--output", output, "-p", parallelism.ToString(CultureInfo.InvariantCulture), "-q"], pin);
        if (run.ExitCode is not (0 or 1))
        {
            Console.Error.WriteLine(run.StdErr);
        }

        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "run.json")))!;
        var timings = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, value) in report["timings_ms"]!.AsObject())
        {
            timings[key] = value!.GetValue<long>();
        }

        var counts = report["counts"]!;
        var result = new CliRun(
            name,
            parallelism,
            pin,
            run.ExitCode,
            run.WallSeconds,
            run.UserSeconds + run.SystemSeconds,
            corpus.Pages / run.WallSeconds,
            corpus.TotalBytes / 1e6 / run.WallSeconds,
            run.PeakRssBytes / 1e6,
            run.PeakRssSource,
            counts["records"]!.GetValue<int>(),
            counts["rejected"]!.GetValue<int>(),
            counts["failed"]!.GetValue<int>(),
            $"{load} -> {Machine.LoadAverage()}",
            timings);
        Console.WriteLine($"{name}: {result.WallSeconds:F1} s, {result.PagesPerSecond:F1} pages/s, {result.MegabytesPerSecond:F2} MB/s, peak RSS {result.PeakRssMb:F0} MB, CPU {result.CpuSeconds:F1} s, load {result.LoadAverage}");
        return result;
    }

    public static string Table(EndToEndResult result)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{result.Date}; {result.Machine}; {result.Corpus.Pages} pages, {result.Corpus.TotalBytes / 1e6:F0} MB");
        sb.AppendLine("| run | wall s | CPU s | pages/s | MB/s | pages per CPU-s | peak RSS MB | records | rejected | failed | load avg (1 min) before -> after |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in result.Runs)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.WallSeconds:F1} | {r.CpuSeconds:F1} | {r.PagesPerSecond:F1} | {r.MegabytesPerSecond:F2} | {result.Corpus.Pages / r.CpuSeconds:F1} | {r.PeakRssMb:F0} | {r.Records} | {r.Rejected} | {r.Failed} | {r.LoadAverage} |");
        }

        foreach (var b in result.Bare)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {b.Name}, {b.Threads} thread(s) | {b.Seconds:F1} | {b.CpuSeconds:F1} | {b.PagesPerSecond:F1} | {b.MegabytesPerSecond:F2} | {b.Pages / b.CpuSeconds:F1} | | | | | {b.LoadAverage} |");
        }

        var repeated = result.Runs.GroupBy(r => (r.Parallelism, r.PinnedCpus)).Where(g => g.Count() > 1).ToList();
        if (repeated.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| median of the rounds | runs | wall s | CPU s | pages/s | pages per CPU-s |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|");
            foreach (var group in repeated)
            {
                var wall = Median(group.Select(r => r.WallSeconds));
                var cpu = Median(group.Select(r => r.CpuSeconds));
                var label = group.Key.PinnedCpus is { } pin ? $"newsetl -p {group.Key.Parallelism}, pinned to CPU {pin}" : $"newsetl -p {group.Key.Parallelism}";
                sb.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {group.Count()} | {wall:F1} | {cpu:F1} | {result.Corpus.Pages / wall:F1} | {result.Corpus.Pages / cpu:F1} |");
            }
        }

        sb.AppendLine();
        sb.AppendLine("| run.json timings_ms | " + string.Join(" | ", result.Runs.Select(r => r.Name)) + " |");
        sb.AppendLine("|---|" + string.Concat(result.Runs.Select(_ => "---:|")));
        foreach (var stage in result.Runs.SelectMany(r => r.TimingsMs.Keys).Distinct(StringComparer.Ordinal))
        {
            sb.AppendLine($"| {stage} | " + string.Join(" | ", result.Runs.Select(r => r.TimingsMs.GetValueOrDefault(stage).ToString(CultureInfo.InvariantCulture))) + " |");
        }

        return sb.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<string> BuildCliAsync(string repo)
    {
        var output = Path.Combine(repo, "bench", "out", "cli");
        Console.WriteLine($"building the CLI (Release) into {output} ...");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "build", Path.Combine(repo, "src", "NewsEtl.Cli", "NewsEtl.Cli.csproj"), "-c", "Release", "-o", output, "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(a);
        }

        using var build = Process.Start(start)!;
        var log = await build.StandardOutput.ReadToEndAsync();
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("building the CLI failed:\n" + log);
        }

        return Path.Combine(output, "newsetl");
    }

    private static void CheckDisk(string work, int pages)
    {
        // Pages, the run store (records as JSON) and the output files: about 2.5 times the corpus, per kept output.
        var needed = (long)(pages * AverageKb * 1024 * 2.5);
        var free = new DriveInfo(Path.GetFullPath(work)).AvailableFreeSpace;
        Console.WriteLine($"disk: {free / 1e9:F0} GB free in {work}, about {needed / 1e9:F1} GB needed");
        if (free < needed)
        {
            throw new IOException($"not enough disk in {work}: {free / 1e9:F1} GB free, about {needed / 1e9:F1} GB needed; pass --work DIR elsewhere or fewer --pages.");
        }
    }

    /// <summary>Reads every page once so each timed run finds the corpus in the page cache, like the others.</summary>
    private static void WarmPageCache(IReadOnlyList<string> files)
    {
        var clock = Stopwatch.StartNew();
        long bytes = 0;
        foreach (var f in files)
        {
            bytes += File.ReadAllBytes(f).Length;
        }

        Console.WriteLine($"page cache: read {files.Count} files, {bytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F1} s");
    }
}
