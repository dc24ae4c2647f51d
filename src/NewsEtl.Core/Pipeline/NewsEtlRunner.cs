using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Fetching;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.Output.Report;
using NewsEtl.Repair;
using NewsEtl.State;

namespace NewsEtl.Pipeline;

/// <summary>
/// One batch run: inputs (files, archives, fetched URLs) whose bytes the run store has not seen are processed in
/// parallel and saved to the store in input order; then the output files are written from the store, in source
/// order, with cross-page duplicates marked, and committed together. An interrupted run keeps what the store
/// committed and leaves the previous outputs as they were.
/// </summary>
public sealed class NewsEtlRunner
{
    private readonly RunOptions _options;
    private readonly TimeProvider _time;
    private readonly ArticleProcessor _processor;
    private readonly NearDuplicateIndex _fingerprints;

    // Where a record is serialized for the store. With a page worker on every core, on the worker, so the thread that
    // saves in input order only inserts and never holds the workers up. With a core to spare beside the workers, on
    // that thread: it then runs beside the next pages' processing instead of after each page, on the worker's clock.
    private readonly bool _serializeOnWorker;

    public NewsEtlRunner(RunOptions options, TimeProvider? time = null)
        : this(options, time, null)
    {
    }

    /// <param name="wrapExtractor">Test seam: wraps the extract stage, e.g. to inject faults into chosen inputs.</param>
    internal NewsEtlRunner(RunOptions options, TimeProvider? time, Func<IArticleExtractor, IArticleExtractor>? wrapExtractor)
    {
        _options = options;
        _time = time ?? TimeProvider.System;
        Encodings.EnsureRegistered();
        IArticleExtractor extractor = new ArticleExtractor(new HtmlArticleExtractor(options.Extraction), new TextDumpExtractor());
        extractor = wrapExtractor?.Invoke(extractor) ?? extractor;
        _processor = new ArticleProcessor(extractor, new TextRepairer(options.Repair), new InPageDeduplicator(options.InPageDedup));
        _fingerprints = new NearDuplicateIndex(options.NearDuplicates);
        _serializeOnWorker = options.Parallelism >= Environment.ProcessorCount;
    }

    /// <summary>Runs to the end, or throws <see cref="OperationCanceledException"/> leaving the previous outputs as they were.</summary>
    public async Task<RunSummary> RunAsync(IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        Directory.CreateDirectory(_options.Output);
        using var store = RunStore.Open(_options.EffectiveStatePath);
        var run = store.BeginRun(JsonSerializer.Serialize(_options.Shard.ToString()), _time.GetUtcNow());
        var tally = new RunTally();
        var scanner = new InputScanner(_options.Load);

        var pending = Channel.CreateBounded<Task<Work>>(_options.Parallelism * 4);
        using var throttle = new SemaphoreSlim(_options.Parallelism);
        // Nothing stored means nothing unchanged: the producer then never waits on the store.
        var lookUp = !_options.Full && store.HasInputs();
        var producer = Task.Run(() => ProduceAsync(scanner, store, lookUp, pending.Writer, throttle, cancellationToken), cancellationToken);
        await foreach (var task in pending.Reader.ReadAllAsync(cancellationToken))
        {
            var work = Serialized(await task);
            Save(work, store, run, tally);
            progress?.Report(new RunProgress(tally.Seen, tally.Processed, tally.Unchanged, tally.FailedThisRun, work.Source));
        }

        await producer;
        cancellationToken.ThrowIfCancellationRequested();
        if (_options.Prune)
        {
            tally.Pruned = store.Prune(run);
        }

        store.Commit();
        var report = await WriteOutputsAsync(store, run, tally, scanner.SkippedAssets, wall, cancellationToken);
        store.FinishRun(run, JsonSerializer.Serialize(report.ThisRun, Json.Lines), _time.GetUtcNow());
        return new RunSummary(report);
    }

    /// <summary>Combines the stores of shard runs into this run's store and writes the outputs of the whole corpus.</summary>
    public async Task<RunSummary> MergeAsync(IReadOnlyList<string> shardStores, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        Directory.CreateDirectory(_options.Output);
        using var store = RunStore.Open(_options.EffectiveStatePath);
        var run = store.BeginRun(JsonSerializer.Serialize("merge"), _time.GetUtcNow());
        foreach (var shard in shardStores)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!File.Exists(shard))
            {
                throw new FileNotFoundException($"shard store {shard} does not exist", shard);
            }

            store.ImportFrom(Path.GetFullPath(shard), run);
        }

        var report = await WriteOutputsAsync(store, run, new RunTally(), 0, wall, cancellationToken);
        store.FinishRun(run, JsonSerializer.Serialize(report.ThisRun, Json.Lines), _time.GetUtcNow());
        return new RunSummary(report);
    }

    private async Task ProduceAsync(
        InputScanner scanner,
        RunStore store,
        bool lookUp,
        ChannelWriter<Task<Work>> writer,
        SemaphoreSlim throttle,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var item in Items(scanner, store, cancellationToken))
            {
                if (!_options.Shard.Includes(item.Source))
                {
                    continue;
                }

                // Unchanged bytes that did not fail last time need no work; the store already holds their outcome.
                if (item.Input is { } input && lookUp
                    && store.Find(input.Source) is { IsFailure: false } known && known.RawSha256 == input.Sha256)
                {
                    await writer.WriteAsync(Task.FromResult(Work.Unchanged(input.Source)), cancellationToken);
                    continue;
                }

                await throttle.WaitAsync(cancellationToken);
                var work = WithinTimeout(Task.Run(() => Process(item), CancellationToken.None), item, throttle);
                await writer.WriteAsync(work, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }

    /// <summary>An input that overruns <see cref="RunOptions.InputTimeout"/> becomes a failure; its work is left to finish unseen.</summary>
    private async Task<Work> WithinTimeout(Task<Work> work, LoadItem item, SemaphoreSlim throttle)
    {
        try
        {
            return await work.WaitAsync(_options.InputTimeout, _time);
        }
        catch (TimeoutException)
        {
            var reason = $"took longer than InputTimeout ({_options.InputTimeout.TotalSeconds:0.#} s)";
            return new Work(item.Source, PageOutcome.Rejected(new Rejection(item.Source, "process", reason, IsFailure: true)), null, item.Input?.Sha256, false);
        }
        finally
        {
            throttle.Release();
        }
    }

    /// <summary>The run's inputs: the files under --input, then the --urls as they download.</summary>
    private async IAsyncEnumerable<LoadItem> Items(InputScanner scanner, RunStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(_options.Input))
        {
            foreach (var item in scanner.Scan(_options.Input, cancellationToken))
            {
                yield return item;
            }
        }

        if (_options.Urls.Count == 0)
        {
            yield break;
        }

        var archivePath = WarcWriter.PathFor(_options.Output, "fetch-" + _time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
        await using var archive = await WarcWriter.CreateAsync(archivePath, _time, cancellationToken);
        // Conditional requests ask only for what changed since the stored copy; --full fetches everything again.
        var fetch = _options.Full ? _options.Fetch with { ConditionalRequests = false } : _options.Fetch;
        using var fetcher = new PageFetcher(fetch, _time, cache: new StoreFetchCache(store), archive: archive);
        await foreach (var result in fetcher.FetchAllAsync(_options.Urls.Where(u => _options.Shard.Includes(u.ToString())), cancellationToken))
        {
            if (result.Input is { } page)
            {
                yield return LoadItem.Of(page);
            }
            else
            {
                // A 304 answer means the stored outcome for this URL stands.
                yield return LoadItem.Of(result.Rejection ?? new Rejection(result.Url.ToString(), "fetch", NotModified, IsFailure: false));
            }
        }
    }

    /// <summary>One input through every stage; a stage that throws makes a failure for this input, not for the run.</summary>
    private Work Process(LoadItem item)
    {
        if (item.Rejection is { } rejection)
        {
            return new Work(item.Source, PageOutcome.Rejected(rejection), null, null, IsNotModified(rejection));
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
            return new Work(input.Source, PageOutcome.Rejected(new Rejection(input.Source, "load", $"could not decode: {ex.Message}", IsFailure: true)), null, input.Sha256, false);
        }

        PageOutcome outcome;
        try
        {
            outcome = _processor.Process(page, clock.ElapsedTicks);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = PageOutcome.Rejected(new Rejection(input.Source, "process", $"{ex.GetType().Name}: {ex.Message}", IsFailure: true), page.Charset);
        }

        var work = new Work(input.Source, outcome, null, input.Sha256, false);
        return _serializeOnWorker ? Serialized(work) : work;
    }

    /// <summary>The work with its record's store row made; a record that cannot be serialized makes a failure for its input.</summary>
    private Work Serialized(Work work)
    {
        if (work.Row is not null || work.Outcome is not { Record: { } record } outcome)
        {
            return work;
        }

        try
        {
            var fingerprint = _fingerprints.Fingerprint(record.Id, record.ContentHash, outcome.NormalizedBody ?? TextFingerprint.Normalize(record.Body));
            return work with { Row = RecordRow.Create(record, outcome.Repairs, fingerprint, _fingerprints.Scheme, _options.Writing.CsvInjectionProtection) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var failure = new Rejection(work.Source, "process", $"{ex.GetType().Name}: {ex.Message}", IsFailure: true);
            return work with { Outcome = PageOutcome.Rejected(failure, outcome.Charset, outcome.Timings) };
        }
    }

    private const string NotModified = "not modified";

    private static bool IsNotModified(Rejection rejection) => rejection is { Stage: "fetch", Reason: NotModified, IsFailure: false };

    private static void Save(Work work, RunStore store, long run, RunTally tally)
    {
        if (work.IsUnchanged || work.IsNotModified)
        {
            store.MarkSeen(run, work.Source);
            tally.UnchangedInput();
            return;
        }

        tally.Processing(work.Outcome!);
        if (work.Row is { } row)
        {
            store.SaveRecord(run, work.Source, row);
        }
        else
        {
            store.SaveRejection(run, work.Outcome!.Rejection!, work.RawSha256);
        }
    }

    /// <summary>Writes the five files from the store: the whole corpus, or with --since-last only this run's inputs.</summary>
    private async Task<RunReport> WriteOutputsAsync(RunStore store, long run, RunTally tally, int skippedAssets, Stopwatch wall, CancellationToken cancellationToken)
    {
        var folder = _options.SinceLast
            ? Path.Combine(_options.Output, "runs", run.ToString("D6", System.Globalization.CultureInfo.InvariantCulture))
            : _options.Output;
        var clock = Stopwatch.StartNew();

        // What the page workers allocated is garbage by now, but the collector keeps the memory it grew to. Hand it
        // back before the cross-page index grows, so the run's peak is the larger phase rather than both together.
        CompactHeap();
        await using var output = new OutputSet(folder, _options.Writing);
        WriteRecords(store, output, run, tally, cancellationToken);
        tally.AddWriteTicks(clock.ElapsedTicks);
        var report = tally.Report(_options, run, skippedAssets, wall.ElapsedTicks);
        await output.CommitAsync(report, cancellationToken);
        if (_options.Report is { } reportOptions)
        {
            // The same for the cross-page index, which is garbage once the records are written.
            CompactHeap();
            await new ReportWriter().WriteAsync(folder, reportOptions, cancellationToken);
        }

        return report;
    }

    // Records (about 250 KB each with their CSV halves and repairs) read from the store ahead of the writer.
    private const int StoreReadAhead = 16;

    private static void CompactHeap() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    /// <summary>Every stored outcome to the output files, in source order, with its cross-page duplicate found on the way.</summary>
    private void WriteRecords(RunStore store, OutputSet output, long run, RunTally tally, CancellationToken cancellationToken)
    {
        // Local to this method, so the index is unreachable as soon as the records are written; made at its final
        // size, so it never holds a table and the table's doubled copy at once.
        var index = new NearDuplicateIndex(_options.NearDuplicates, store.CountRecords());
        // The store is read a few records ahead on a thread of its own while the files are written.
        foreach (var stored in ReadAhead.Of(store.ReadAll(), StoreReadAhead, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var include = !_options.SinceLast || stored.Run == run;
            if (stored.Article is not { } article)
            {
                if (include)
                {
                    output.WriteRejection(stored.Rejection!);
                    tally.Written(stored, duplicate: false, dropped: false);
                }

                continue;
            }

            // Every record enters the index, in source order, so the first of a group is the same on every run.
            // A fingerprint made under other dedup options is made again from the stored body.
            var fingerprint = article.FingerprintScheme == index.Scheme ? article.Fingerprint : Refingerprint(index, article);
            var duplicateOf = index.FindAndAdd(fingerprint) ?? string.Empty;
            if (!include)
            {
                continue;
            }

            var drop = duplicateOf.Length > 0 && _options.Writing.DropDuplicates;
            if (!drop)
            {
                WriteArticle(output, article, duplicateOf);
                output.WriteRepairsJsonl(article.RepairsJsonl);
            }

            tally.Written(stored, duplicateOf.Length > 0, drop);
        }
    }

    /// <summary>A fingerprint made under other dedup options is made again from the stored body.</summary>
    private static IndexedArticle Refingerprint(NearDuplicateIndex index, StoredArticle article)
    {
        var record = article.ToRecord();
        return index.Fingerprint(record.Id, record.ContentHash, TextFingerprint.Normalize(record.Body));
    }

    /// <summary>Writes the stored text as it is when the store holds it in the form this run writes, else the record again.</summary>
    private void WriteArticle(OutputSet output, StoredArticle article, string duplicateOf)
    {
        if (article.Csv is { } csv && csv.InjectionProtection == _options.Writing.CsvInjectionProtection
            && CsvRowHalves.IsPlainField(duplicateOf) && article.DuplicateOfAt() is var at and >= 0)
        {
            output.WriteArticleUtf8(article.Json.AsSpan(0, at), article.Json.AsSpan(at), csv.Head, csv.Tail, duplicateOf);
            return;
        }

        var record = article.ToRecord();
        output.WriteArticle(duplicateOf.Length == 0 ? record : record with { DuplicateOf = duplicateOf });
    }

    /// <summary>What the producer hands the writer for one input, in input order.</summary>
    private sealed record Work(string Source, PageOutcome? Outcome, RecordRow? Row, string? RawSha256, bool IsNotModified)
    {
        public bool IsUnchanged => Outcome is null;

        public static Work Unchanged(string source) => new(source, null, null, null, false);
    }
}
