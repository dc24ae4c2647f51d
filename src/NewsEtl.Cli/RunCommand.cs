using NewsEtl.Dedup;
using NewsEtl.Fetching;
using NewsEtl.Loading;
using NewsEtl.Output;
using NewsEtl.Output.Report;
using NewsEtl.Pipeline;
using NewsEtl.Repair;
using NewsEtl.State;

namespace NewsEtl.Cli;

/// <summary>Turns command-line options into run options and runs them, mapping outcomes to exit codes.</summary>
public static class RunCommand
{
    /// <summary>The run options, or the messages that say which option is wrong and how to fix it.</summary>
    public static (RunOptions Options, List<string> Errors) ToRunOptions(CliOptions o)
    {
        var errors = new List<string>();
        var shard = Shard.All;
        if (o.Shard is { } shardText)
        {
            shard = Shard.Parse(shardText, out var error) ?? Shard.All;
            if (error is not null)
            {
                errors.Add(error);
            }
        }

        var urls = ReadUrls(o, errors);
        var repair = new RepairOptions { RemovePinyinNotes = !o.KeepPinyinNotes, RestoreFullWidthPunctuation = o.FullWidthPunctuation };
        var inPage = new InPageDedupOptions();
        var near = new NearDuplicateOptions();
        var fetch = new FetchOptions();
        var options = new RunOptions
        {
            Input = o.Input ?? (urls.Count == 0 && o.Command == "run" ? "input" : null),
            Output = o.Output,
            Urls = urls,
            StatePath = o.State,
            Full = o.Full,
            SinceLast = o.SinceLast,
            Prune = o.Prune,
            Shard = shard,
            Parallelism = o.Parallelism ?? Environment.ProcessorCount,
            Load = new LoadOptions
            {
                Include = o.Include,
                Exclude = o.Exclude,
                MaxInputBytes = o.MaxInputMegabytes is { } mb ? mb * 1024 * 1024 : LoadOptions.DefaultMaxInputBytes,
            },
            Repair = o.RepairCharsets is { } charsets ? repair with { Charsets = charsets } : repair,
            InPageDedup = inPage with
            {
                ParagraphSimilarity = o.ParagraphSimilarity ?? inPage.ParagraphSimilarity,
                MinimumBlock = o.MinimumRepeatedBlock ?? inPage.MinimumBlock,
            },
            NearDuplicates = near with
            {
                Threshold = o.NearDuplicateThreshold ?? near.Threshold,
                ShingleLength = o.ShingleLength ?? near.ShingleLength,
            },
            Fetch = fetch with
            {
                UserAgent = o.UserAgent ?? fetch.UserAgent,
                Concurrency = o.FetchConcurrency ?? fetch.Concurrency,
                MaxAttempts = o.MaxAttempts ?? fetch.MaxAttempts,
                PerHostDelay = o.PerHostDelaySeconds is { } delay ? TimeSpan.FromSeconds(delay) : fetch.PerHostDelay,
                AttemptTimeout = o.AttemptTimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : fetch.AttemptTimeout,
                RespectRobotsTxt = !o.IgnoreRobots,
                AllowPrivateRedirects = o.AllowPrivateRedirects,
            },
            Writing = new OutputOptions { DropDuplicates = o.DropDuplicates, CsvInjectionProtection = !o.NoCsvInjectionProtection },
            InputTimeout = o.InputTimeoutSeconds is { } limit ? TimeSpan.FromSeconds(limit) : TimeSpan.FromMinutes(2),
            Extraction = new NewsEtl.Extraction.ExtractionOptions { MaxNestingDepth = o.MaxNestingDepth ?? NewsEtl.Extraction.ExtractionOptions.DefaultMaxNestingDepth },
            Report = o.NoReport ? null : new ReportOptions { MaxRecords = o.ReportMaxRecords ?? new ReportOptions().MaxRecords },
        };
        errors.AddRange(options.Validate(requireInput: o.Command != "merge"));
        return (options, errors);
    }

    public static async Task<int> RunAsync(CliOptions cli, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (options, errors) = ToRunOptions(cli);
        var log = new RunLog(stderr, cli.LogFormat, cli.Quiet);
        if (cli.Command == "merge" && cli.MergeFrom.Count == 0)
        {
            errors.Add("merge needs the shard outputs to combine: newsetl merge --output DIR SHARD_OUTPUT_DIR...");
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                log.Error("bad-option", error);
            }

            return ExitCodes.BadArguments;
        }

        log.Start(options);
        try
        {
            var runner = new NewsEtlRunner(options);
            var summary = cli.Command == "merge"
                ? await runner.MergeAsync(cli.MergeFrom.Select(StorePath).ToList(), cancellationToken)
                : await runner.RunAsync(log.Progress(), cancellationToken);
            log.Finish(stdout, summary.Report);
            return summary.HasFailures ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error("cancelled", "run cancelled; previous outputs are left as they were, and the next run resumes");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            log.Error("run-failed", $"the run could not complete: {ex.Message}");
            return ExitCodes.RunFailed;
        }
    }

    /// <summary>A shard named by its output folder means the store inside it.</summary>
    private static string StorePath(string shard) => Directory.Exists(shard) ? Path.Combine(shard, "newsetl.db") : shard;

    private static List<Uri> ReadUrls(CliOptions o, List<string> errors)
    {
        var lines = new List<string>(o.Urls);
        if (o.UrlsFile is { } file)
        {
            try
            {
                lines.AddRange(File.ReadAllLines(file));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors.Add($"--urls '{file}' could not be read: {ex.Message}");
            }
        }

        if (lines.Count == 0)
        {
            return [];
        }

        var parsed = UrlList.Parse(new StringReader(string.Join('\n', lines)));
        foreach (var rejection in parsed.Rejections.Where(r => r.IsFailure))
        {
            errors.Add($"--urls: {rejection.Source}: {rejection.Reason}");
        }

        return [.. parsed.Urls];
    }
}
