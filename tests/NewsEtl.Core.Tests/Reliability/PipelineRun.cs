using System.Diagnostics;
using System.Text.Json;
using CsvHelper;
using NewsEtl.Extraction;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>What one input became, as the output files tell it.</summary>
public sealed record Outcome(string Source, bool IsRecord, string Stage, string Reason, bool IsFailure);

/// <summary>
/// One real run of <see cref="NewsEtlRunner"/> over a folder into a fresh output folder, read back from the files it
/// wrote (articles.jsonl with System.Text.Json, rejected.csv with CsvHelper), with the time each input took.
/// </summary>
public sealed class PipelineRun
{
    private PipelineRun(IReadOnlyList<Outcome> outcomes, IReadOnlyDictionary<string, TimeSpan> times, RunSummary summary, string output)
    {
        Outcomes = outcomes;
        Times = times;
        Summary = summary;
        Output = output;
    }

    public IReadOnlyList<Outcome> Outcomes { get; }

    /// <summary>Per input (by source): time from the previous input's completion to this one's, at parallelism 1.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Times { get; }

    public RunSummary Summary { get; }

    public string Output { get; }

    public static async Task<PipelineRun> RunAsync(
        string input,
        string output,
        Func<IArticleExtractor, IArticleExtractor>? wrapExtractor = null,
        Func<RunOptions, RunOptions>? configure = null,
        int parallelism = 1)
    {
        var options = new RunOptions
        {
            Input = input,
            Output = output,
            Parallelism = parallelism,
            Writing = new OutputOptions { CsvInjectionProtection = false },
        };
        options = configure?.Invoke(options) ?? options;
        var clock = new Clock();
        var summary = await new NewsEtlRunner(options, null, wrapExtractor).RunAsync(clock, CancellationToken.None);
        var folder = options.SinceLast
            ? Path.Combine(options.Output, "runs", summary.Report.ThisRun.Run.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            : options.Output;
        return new PipelineRun(Read(folder), clock.Times, summary, folder);
    }

    /// <summary>The outcomes the output folder holds: records from articles.jsonl, rejections from rejected.csv.</summary>
    public static List<Outcome> Read(string output)
    {
        var outcomes = new List<Outcome>();
        foreach (var line in File.ReadAllText(Path.Combine(output, OutputSet.ArticlesJsonl)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var record = JsonDocument.Parse(line);
            outcomes.Add(new Outcome(record.RootElement.GetProperty("source").GetString()!, true, "", "", false));
        }

        using var csv = CsvReader.FromText(File.ReadAllText(Path.Combine(output, OutputSet.RejectedCsv)));
        while (csv.Read())
        {
            outcomes.Add(new Outcome(csv.GetString(0), false, csv.GetString(1), csv.GetString(2), csv.GetString(3) == "true"));
        }

        return outcomes;
    }

    /// <summary>Reports arrive synchronously as each input is saved, so the gap between two is one input's time.</summary>
    private sealed class Clock : IProgress<RunProgress>
    {
        private readonly Dictionary<string, TimeSpan> times = new(StringComparer.Ordinal);
        private long last = Stopwatch.GetTimestamp();

        public IReadOnlyDictionary<string, TimeSpan> Times => times;

        public void Report(RunProgress value)
        {
            var now = Stopwatch.GetTimestamp();
            times[value.LastSource] = Stopwatch.GetElapsedTime(last, now);
            last = now;
        }
    }
}
