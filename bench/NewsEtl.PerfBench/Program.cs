using BenchmarkDotNet.Running;
using NewsEtl.PerfBench;
using NewsEtl.PerfBench.Corpus;
using NewsEtl.PerfBench.EndToEnd;
using NewsEtl.PerfBench.Stages;

const string Usage = """
    NewsEtl.PerfBench: throughput, memory and stage benchmarks over a generated corpus of Jiemian pages.

      gen    --pages N [--out DIR] [--seed S] [--templates DIR]
             write the corpus (60-200 KB pages: UTF-8 with and without meta, GBK, Big5, damaged mirrors, text dumps, lists)
      e2e    --pages N [--work DIR] [--seed S] [--parallelism 1,2] [--repeat N] [--pinned] [--no-bare] [--decoder-variant] [--results FILE]
             generate (or reuse) the corpus, time the Release CLI once per parallelism (fresh output each; --repeat N:
             N alternating rounds and the median of each), peak RSS,
             run.json stage timings, and the bare limit (read + AngleSharp parse, 1 and 2 threads; --decoder-variant
             adds read + PageDecoder + parse); --pinned adds, in every round, a -p 1 run confined to CPU 0
      bare   --input DIR [--threads 1,2] [--decoder-variant]
             the bare limit alone (--decoder-variant: also read + PageDecoder + parse of the decoded text)
      alloc  --input DIR [--limit N (2000)]
             allocation per page of the in-process pipeline (decode, extract, repair, dedup, record), one thread
      steady --input DIR [--limit N (2000)] [--passes P (5)]
             the page processing (decode, extract, repair, dedup, record) at its steady state against the bare parse of
             the same pages held in memory, one thread, pass after pass: what the cleaning costs beside AngleSharp's parse
      index-memory [--articles 10000,34314,93001]
             managed memory the cross-page duplicate index holds for N distinct articles (the write phase's growth),
             made at its final size as a run makes it, and grown from empty
      dedup-check --input DIR [--limit N] --out FILE
             what in-page dedup, the MinHash fingerprint and the cross-page index decide for each page, one line per
             page (compare the files of two builds), and the in-page dedup time per record
      quality [--dumps N (300)] [--kind TextDump|DamagedMirror|Utf8Meta|Utf8NoMeta|Gbk|Big5] [--variant Standard|DenseNotes|Simplified|Big5]
             the whole pipeline against the article behind each generated page (text dumps, the sample page's kind of
             input, by default): bodies and paragraphs given back exactly, character accuracy, damage marks and notes left;
             --variant makes the text dumps otherwise: notes as thick as the sample page's, simplified script, or Big5
      real-dumps [--dumps N (180)] [--sample FILE]
             text dumps made from real articles (the 2019 pages and the sample page's own, cleaned), damaged at random cut
             points, traditional with notes as thick as the sample's and simplified; bodies against the article
      stages [BenchmarkDotNet arguments, e.g. --filter *]
             BenchmarkDotNet stage benchmarks (decode, parse, extract, repair, dedup, store, write) with MemoryDiagnoser

    Defaults: --work /tmp/newsetl-perf, --seed 20190507, --templates ../shared/jiemian-2019 (from the repository root).
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return 0;
}

var command = args[0];
if (command == "stages")
{
    BenchmarkSwitcher.FromAssembly(typeof(Args).Assembly).Run(args[1..]);
    return 0;
}

var options = new Args(args[1..]);
var repo = RepoPaths.Root();
var templates = options.Text("templates", Path.GetFullPath(Path.Combine(repo, "..", "shared", "jiemian-2019")));
var work = options.Text("work", "/tmp/newsetl-perf");
var seed = options.Int("seed", 20190507);
switch (command)
{
    case "gen":
        var pages = options.Int("pages", 1000);
        CorpusGenerator.Generate(options.Text("out", Path.Combine(work, $"corpus-{pages}")), pages, seed, templates, Console.Out);
        return 0;
    case "e2e":
        return await EndToEndCommand.RunAsync(options, repo, work, seed, templates);
    case "bare":
        var files = CorpusGenerator.Files(options.Text("input", Path.Combine(work, "corpus-10000")));
        foreach (var threads in options.Ints("threads", [1, 2]))
        {
            Console.WriteLine(BareLimit.Measure(files, threads).ToString());
            if (options.Has("decoder-variant"))
            {
                Console.WriteLine(BareLimit.MeasureWithDecoder(files, threads).ToString());
            }
        }

        return 0;
    case "alloc":
        var sample = CorpusGenerator.Files(options.Text("input", Path.Combine(work, "corpus-10000")));
        Console.WriteLine(InProcessPipeline.Measure(sample.Take(options.Int("limit", 2000)).ToList()).ToString());
        return 0;
    case "steady":
        var steadyFiles = CorpusGenerator.Files(options.Text("input", Path.Combine(work, "corpus-10000")));
        Console.WriteLine(SteadyState.Measure(steadyFiles.Take(options.Int("limit", 2000)).ToList(), options.Int("passes", 5)).ToString());
        return 0;
    case "quality":
        var kind = Enum.Parse<PageKind>(options.Text("kind", nameof(PageKind.TextDump)), ignoreCase: true);
        var variant = Enum.Parse<TextDumpVariant>(options.Text("variant", nameof(TextDumpVariant.Standard)), ignoreCase: true);
        Console.WriteLine(NewsEtl.PerfBench.Quality.TextDumpQuality.Run(options.Int("dumps", 300), seed, templates, kind, variant));
        return 0;
    case "real-dumps":
        Console.WriteLine(NewsEtl.PerfBench.Quality.RealProseDumps.Run(
            options.Int("dumps", 180), seed, templates, options.Text("sample", Path.Combine(repo, "input", "000_4a82a27c2d5c363e.txt"))));
        return 0;
    case "dedup-check":
        var checkFiles = CorpusGenerator.Files(options.Text("input", Path.Combine(work, "corpus-10000")));
        DedupCheck.Run([.. checkFiles.Take(options.Int("limit", int.MaxValue))], options.Text("out", "dedup-check.tsv"), Console.Out);
        return 0;
    case "index-memory":
        foreach (var n in options.Ints("articles", [10_000, 34_314, 93_001]))
        {
            Console.WriteLine(IndexMemory.Measure(n, presized: true));
            Console.WriteLine(IndexMemory.Measure(n, presized: false));
        }

        return 0;
    default:
        Console.Error.WriteLine($"unknown command '{command}'\n\n{Usage}");
        return 2;
}
