using NewsEtl.Dedup;
using NewsEtl.Loading;
using NewsEtl.Output;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.Cli;

/// <summary>Turns command-line options into run options and runs them, mapping outcomes to exit codes.</summary>
public static class RunCommand
{
    public static RunOptions ToRunOptions(CliOptions o)
    {
        var repair = new RepairOptions
        {
            RemovePinyinNotes = !o.KeepPinyinNotes,
            RestoreFullWidthPunctuation = o.FullWidthPunctuation,
        };
        var inPage = new InPageDedupOptions();
        var near = new NearDuplicateOptions();
        return new RunOptions
        {
            Input = o.Input,
            Output = o.Output,
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
            Writing = new OutputOptions
            {
                DropDuplicates = o.DropDuplicates,
                CsvInjectionProtection = !o.NoCsvInjectionProtection,
            },
        };
    }

    public static async Task<int> RunAsync(CliOptions cli, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var options = ToRunOptions(cli);
        var errors = options.Validate();
        var log = new RunLog(stderr, cli.LogFormat, cli.Quiet);
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
            var summary = await new NewsEtlRunner(options).RunAsync(log.Progress(), cancellationToken);
            log.Finish(stdout, summary.Report);
            return summary.HasFailures ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            log.Error("cancelled", "run cancelled; previous outputs are left as they were");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Error("run-failed", $"the run could not complete: {ex.Message}");
            return ExitCodes.RunFailed;
        }
    }
}
