using System.Diagnostics;
using System.Threading.Channels;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.Repair;

namespace NewsEtl.Pipeline;

/// <summary>
/// One batch run: load every input, process pages in parallel, write outcomes in input order (so output is the
/// same on every run), mark cross-page duplicates, and commit the five output files together.
/// </summary>
public sealed class NewsEtlRunner
{
    private readonly RunOptions _options;
    private readonly ArticleProcessor _processor;

    public NewsEtlRunner(RunOptions options)
    {
        _options = options;
        Encodings.EnsureRegistered();
        var extractor = new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor());
        _processor = new ArticleProcessor(extractor, new TextRepairer(options.Repair), new InPageDeduplicator(options.InPageDedup));
    }

    /// <summary>Runs to the end, or throws <see cref="OperationCanceledException"/> leaving the previous outputs as they were.</summary>
    public async Task<RunSummary> RunAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var scanner = new InputScanner(_options.Load);
        var index = new NearDuplicateIndex(_options.NearDuplicates);
        var tally = new RunTally();
        await using var output = new OutputSet(_options.Output, _options.Writing);

        var pending = Channel.CreateBounded<Task<(PageOutcome Outcome, IndexedArticle? Fingerprint)>>(_options.Parallelism * 4);
        using var throttle = new SemaphoreSlim(_options.Parallelism);
        var producer = Task.Run(() => ProduceAsync(scanner, index, pending.Writer, throttle, cancellationToken), cancellationToken);

        await foreach (var task in pending.Reader.ReadAllAsync(cancellationToken))
        {
            var (outcome, fingerprint) = await task;
            var writeClock = Stopwatch.StartNew();
            Write(outcome, fingerprint, index, output, tally);
            tally.AddWriteTicks(writeClock.ElapsedTicks);
            progress?.Report(new RunProgress(tally.Inputs, tally.Records, tally.Rejected, outcome.Source));
        }

        await producer;
        cancellationToken.ThrowIfCancellationRequested();
        var report = tally.Report(_options, scanner.SkippedAssets, wall.ElapsedTicks);
        await output.CommitAsync(report, cancellationToken);
        return new RunSummary(report);
    }

    private async Task ProduceAsync(
        InputScanner scanner,
        NearDuplicateIndex index,
        ChannelWriter<Task<(PageOutcome, IndexedArticle?)>> writer,
        SemaphoreSlim throttle,
        CancellationToken cancellationToken)
    {
        try
        {
            foreach (var item in scanner.Scan(_options.Input, cancellationToken))
            {
                await throttle.WaitAsync(cancellationToken);
                var work = Task.Run(
                    () =>
                    {
                        try
                        {
                            return Process(item, index);
                        }
                        finally
                        {
                            throttle.Release();
                        }
                    },
                    CancellationToken.None);
                await writer.WriteAsync(work, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    /// <summary>One input through every stage; a stage that throws makes a failure for this input, not for the run.</summary>
    private (PageOutcome, IndexedArticle?) Process(LoadItem item, NearDuplicateIndex index)
    {
        if (item.Rejection is { } rejection)
        {
            return (PageOutcome.Rejected(rejection), null);
        }

        var input = item.Input!;
        var clock = Stopwatch.StartNew();
        DecodedPage page;
        try
        {
            page = PageDecoder.Decode(input);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (PageOutcome.Rejected(new Rejection(input.Source, "load", $"could not decode: {ex.Message}", IsFailure: true)), null);
        }

        PageOutcome outcome;
        try
        {
            outcome = _processor.Process(page, clock.ElapsedTicks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (PageOutcome.Rejected(new Rejection(input.Source, "process", $"{ex.GetType().Name}: {ex.Message}", IsFailure: true), page.Charset), null);
        }

        var fingerprint = outcome.Record is { } record
            ? index.Fingerprint(record.Id, record.ContentHash, TextFingerprint.Normalize(record.Body))
            : null;
        return (outcome, fingerprint);
    }

    private void Write(PageOutcome outcome, IndexedArticle? fingerprint, NearDuplicateIndex index, OutputSet output, RunTally tally)
    {
        if (outcome.Record is not { } record)
        {
            output.WriteRejection(outcome.Rejection!);
            tally.Add(outcome, null, dropped: false);
            return;
        }

        var duplicateOf = fingerprint is null ? null : index.FindAndAdd(fingerprint);
        var final = duplicateOf is null ? record : record with { DuplicateOf = duplicateOf };
        var drop = duplicateOf is not null && _options.Writing.DropDuplicates;
        if (!drop)
        {
            output.WriteArticle(final);
            foreach (var repair in outcome.Repairs)
            {
                output.WriteRepair(repair);
            }
        }

        tally.Add(outcome, final, drop);
    }
}
