using AngleSharp.Html.Parser;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using NewsEtl.Dedup;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.Pipeline;
using NewsEtl.Repair;
using NewsEtl.State;

namespace NewsEtl.PerfBench.Stages;

/// <summary>
/// Each stage over the same 50-page sample; every number is per corpus page (OperationsPerInvoke), so Allocated
/// is the allocation per page. Repair and dedup run only on the pages that hold an article (47 of 50), as in a run.
/// In-process toolchain: the repository's analyzers and warnings-as-errors stay out of a generated project.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class StageBenchmarks
{
    private const int Ops = StageSample.Pages;

    private StageSample _sample = null!;
    private TextRepairer _repairer = null!;
    private InPageDeduplicator _deduplicator = null!;
    private ArticleProcessor _processor = null!;
    private NearDuplicateIndex _fingerprints = null!;
    private IReadOnlyList<(IReadOnlyList<ParagraphDraft> Drafts, string Title, string? Lede)> _drafts = null!;
    private List<PageOutcome> _outcomes = null!;
    private string _scratch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sample = StageSample.Create(Templates());
        _repairer = new TextRepairer(new RepairOptions());
        _deduplicator = new InPageDeduplicator(new InPageDedupOptions());
        _processor = new ArticleProcessor(_sample.Extractor, _repairer, _deduplicator);
        _fingerprints = new NearDuplicateIndex(new NearDuplicateOptions());
        _drafts = _sample.RepairedDrafts(_repairer);
        _outcomes = [.. _sample.Decoded.Select(p => _processor.Process(p, 0)).Where(o => o.Record is not null)];
        _scratch = Directory.CreateTempSubdirectory("newsetl-stages-").FullName;

        Console.WriteLine($"// sample: {StageSample.Pages} pages, {_sample.TotalBytes / 1024} KB, {_sample.Articles.Count} articles, {_outcomes.Count} records");
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_scratch, recursive: true);

    [Benchmark(OperationsPerInvoke = Ops, Description = "load: sha256 of the bytes")]
    public int Sha256()
    {
        var n = 0;
        foreach (var input in _sample.Inputs)
        {
            n += Hashing.Sha256Hex(input.Bytes.Span).Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "decode (charset + text)")]
    public int Decode()
    {
        var n = 0;
        foreach (var input in _sample.Inputs)
        {
            n += PageDecoder.Decode(input).Text.Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "AngleSharp parse only")]
    public int Parse()
    {
        var n = 0;
        foreach (var page in _sample.Decoded)
        {
            using var document = new HtmlParser().ParseDocument(page.Text);
            n += document.All.Length;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "extract (incl. parse)")]
    public int Extract()
    {
        var n = 0;
        foreach (var page in _sample.Decoded)
        {
            n += _sample.Extractor.Extract(page).Article?.Paragraphs.Count ?? 0;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "repair")]
    public int Repair()
    {
        var n = 0;
        foreach (var (_, article) in _sample.Articles)
        {
            var page = _repairer.ForPage(article.Paragraphs.Prepend(article.Subtitle ?? string.Empty).Prepend(article.Title));
            n += page.Repair(article.Title).Edits.Count;
            foreach (var paragraph in article.Paragraphs)
            {
                n += page.Repair(paragraph).Edits.Count;
            }
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "in-page dedup")]
    public int Dedup()
    {
        var n = 0;
        foreach (var (drafts, title, lede) in _drafts)
        {
            n += _deduplicator.Deduplicate(drafts, title, lede).Paragraphs.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "process (extract+repair+dedup+record)")]
    public int Process()
    {
        var n = 0;
        foreach (var page in _sample.Decoded)
        {
            n += _processor.Process(page, 0).Repairs.Count;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "cross-page fingerprint (MinHash)")]
    public int Fingerprint()
    {
        var n = 0;
        foreach (var outcome in _outcomes)
        {
            var record = outcome.Record!;
            n += _fingerprints.Fingerprint(record.Id, record.ContentHash, TextFingerprint.Normalize(record.Body)).ShingleCount;
        }

        return n;
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "store: save to SQLite (JSON + insert)")]
    public void Store()
    {
        using var store = RunStore.Open(Path.Combine(_scratch, "store.db"));
        foreach (var outcome in _outcomes)
        {
            store.SaveRecord(1, outcome.Source, outcome.Record!, outcome.Repairs, null, "bench");
        }

        store.Commit();
    }

    [Benchmark(OperationsPerInvoke = Ops, Description = "write: CSV + JSONL records")]
    public async Task Write()
    {
        await using var output = new OutputSet(Path.Combine(_scratch, "out"), new OutputOptions());
        foreach (var outcome in _outcomes)
        {
            output.WriteArticle(outcome.Record!);
            foreach (var repair in outcome.Repairs)
            {
                output.WriteRepair(repair);
            }
        }
    }

    private static string Templates() =>
        Environment.GetEnvironmentVariable("PERFBENCH_TEMPLATES")
        ?? Path.GetFullPath(Path.Combine(RepoPaths.Root(), "..", "shared", "jiemian-2019"));

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Throughput)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(10));
            WithOption(ConfigOptions.DisableOptimizationsValidator, false);
        }
    }
}
