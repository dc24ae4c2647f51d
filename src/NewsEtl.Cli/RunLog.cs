using System.Diagnostics;
using System.Text.Json;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Cli;

/// <summary>
/// Progress and summary for people and schedulers, on stderr: a redrawn bar with rate and ETA on a terminal,
/// a plain line every few seconds otherwise, or one JSON object per line with --log-format json.
/// </summary>
internal sealed class RunLog(TextWriter stderr, string format, bool quiet)
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan BarInterval = TimeSpan.FromMilliseconds(200);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private readonly bool _bar = format == "text" && !quiet && !Console.IsErrorRedirected;
    private TimeSpan _last = TimeSpan.Zero;
    private int _total;
    private bool _drawn;

    public void Start(RunOptions options)
    {
        if (_bar && options.Input is { } input && Directory.Exists(input))
        {
            // Files, not archive records: a good enough total for the bar and the ETA.
            _total = Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }).Count();
        }

        _total += options.Urls.Count;
        Write("start", $"reading {options.Input ?? "URLs"}, writing {options.Output}, parallelism {options.Parallelism}",
            new { input = options.Input, output = options.Output, urls = options.Urls.Count, parallelism = options.Parallelism, shard = options.Shard.ToString() });
    }

    public IProgress<RunProgress> Progress() => new SynchronousProgress(p =>
    {
        lock (_gate)
        {
            if (quiet || _clock.Elapsed - _last < (_bar ? BarInterval : PlainInterval))
            {
                return;
            }

            _last = _clock.Elapsed;
        }

        var rate = p.Done / Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        if (_bar)
        {
            DrawBar(p, rate);
            return;
        }

        Write("progress", $"{p.Done} inputs ({p.Processed} processed, {p.Unchanged} unchanged, {p.Failed} failed), {rate:F1} inputs/s",
            new { done = p.Done, processed = p.Processed, unchanged = p.Unchanged, failed = p.Failed, rate = Math.Round(rate, 1) });
    });

    public void Finish(TextWriter stdout, RunReport report)
    {
        if (_drawn)
        {
            stderr.WriteLine();
        }

        var c = report.Counts;
        var t = report.ThisRun;
        if (format == "json")
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { level = "info", @event = "done", counts = c, this_run = t }, Json.Lines));
            return;
        }

        stdout.WriteLine(
            $"{c.Inputs} inputs: {c.Records} records, {c.Rejected} rejected ({c.Failed} failed), {c.Duplicates} duplicates, {c.Repairs} repairs; "
            + $"this run: {t.Processed} processed, {t.Unchanged} unchanged, {t.Failed} failed");
    }

    public void Error(string code, string message)
    {
        if (_drawn)
        {
            stderr.WriteLine();
            _drawn = false;
        }

        stderr.WriteLine(format == "json"
            ? JsonSerializer.Serialize(new { level = "error", @event = code, message }, Json.Lines)
            : $"newsetl: {message}");
    }

    private void DrawBar(RunProgress p, double rate)
    {
        const int width = 30;
        var total = Math.Max(_total, p.Done);
        var share = total == 0 ? 0 : (double)p.Done / total;
        var filled = (int)(share * width);
        var eta = rate > 0 && total > p.Done ? TimeSpan.FromSeconds((total - p.Done) / rate) : TimeSpan.Zero;
        stderr.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {share,4:P0} {p.Done}/{total} {rate:F1}/s ETA {eta:hh\\:mm\\:ss}  ");
        _drawn = true;
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
