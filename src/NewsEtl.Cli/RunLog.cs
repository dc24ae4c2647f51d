using System.Diagnostics;
using System.Text.Json;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Cli;

/// <summary>Progress and summary lines for people (text) or log collectors (one JSON object per line), on stderr.</summary>
internal sealed class RunLog(TextWriter stderr, string format, bool quiet)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan _last = TimeSpan.Zero;

    public void Start(RunOptions options) =>
        Write("start", $"reading {options.Input}, writing {options.Output}, parallelism {options.Parallelism}",
            new { input = options.Input, output = options.Output, parallelism = options.Parallelism });

    public IProgress<RunProgress> Progress() => new SynchronousProgress(p =>
    {
        lock (_gate)
        {
            if (quiet || _clock.Elapsed - _last < Interval)
            {
                return;
            }

            _last = _clock.Elapsed;
        }

        var rate = p.Done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        Write("progress", $"{p.Done} inputs ({p.Records} records, {p.Rejected} rejected), {rate:F1} inputs/s",
            new { done = p.Done, records = p.Records, rejected = p.Rejected, rate = Math.Round(rate, 1) });
    });

    public void Finish(TextWriter stdout, RunReport report)
    {
        var c = report.Counts;
        var line = $"{c.Inputs} inputs: {c.Records} records, {c.Rejected} rejected ({c.Failed} failed), {c.Duplicates} duplicates, {c.Repairs} repairs";
        if (format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { level = "info", @event = "done", counts = c }, Json.Lines));
        }
        else
        {
            stdout.WriteLine(line);
        }
    }

    public void Error(string code, string message)
    {
        if (format == "json")
        {
            stderr.WriteLine(JsonSerializer.Serialize(new { level = "error", @event = code, message }, Json.Lines));
        }
        else
        {
            stderr.WriteLine($"newsetl: {message}");
        }
    }

    private void Write(string code, string text, object data)
    {
        if (quiet)
        {
            return;
        }

        stderr.WriteLine(format == "json"
            ? JsonSerializer.Serialize(new { level = "info", @event = code, data }, Json.Lines)
            : $"newsetl: {text}");
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
