using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace NewsEtl.PerfBench.Corpus;

/// <summary>What a generated corpus holds; saved as corpus.json beside the pages so a matching corpus is reused.</summary>
internal sealed record CorpusManifest(
    int Version,
    int Pages,
    int Seed,
    long TotalBytes,
    int MinBytes,
    int MaxBytes,
    SortedDictionary<string, int> PagesByKind,
    SortedDictionary<string, long> BytesByKind)
{
    public const int CurrentVersion = 2;

    /// <summary>Beside the corpus folder, not in it: the CLI would count it as an input.</summary>
    public static string PathFor(string folder) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ".json";

    public static CorpusManifest? TryRead(string folder)
    {
        var path = PathFor(folder);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return File.Exists(path) ? JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(path), JsonOptions.Indented) : null;
    }
}

/// <summary>Writes N pages (deterministic for a seed: page i depends only on seed and i) into a folder, 1,000 per subfolder.</summary>
internal static class CorpusGenerator
{
    public static CorpusManifest Generate(string folder, int pages, int seed, string templatesFolder, TextWriter log)
    {
        if (CorpusManifest.TryRead(folder) is { } existing
            && existing.Version == CorpusManifest.CurrentVersion && existing.Pages == pages && existing.Seed == seed)
        {
            log.WriteLine($"corpus: reusing {pages} pages in {folder}");
            return existing;
        }

        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        File.Delete(CorpusManifest.PathFor(folder));
        var factory = new PageFactory(PageTemplates.Load(templatesFolder));
        var counts = new ConcurrentDictionary<PageKind, (int Pages, long Bytes)>();
        var sizes = new ConcurrentBag<int>();
        var clock = Stopwatch.StartNew();
        var done = 0;
        Parallel.For(0, pages, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var random = PageRandom(seed, i);
            var page = factory.Build(i, random);
            var dir = Path.Combine(folder, $"p{i / 1000:D3}");
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, $"{i:D6}-{Slug(page.Kind)}{page.Extension}"), page.Bytes);
            counts.AddOrUpdate(page.Kind, (1, page.Bytes.Length), (_, c) => (c.Pages + 1, c.Bytes + page.Bytes.Length));
            sizes.Add(page.Bytes.Length);
            if (Interlocked.Increment(ref done) % 10_000 == 0)
            {
                log.WriteLine($"corpus: {done}/{pages} pages ({clock.Elapsed.TotalSeconds:F0} s)");
            }
        });

        var manifest = new CorpusManifest(
            CorpusManifest.CurrentVersion,
            pages,
            seed,
            counts.Values.Sum(c => c.Bytes),
            sizes.Min(),
            sizes.Max(),
            new SortedDictionary<string, int>(counts.ToDictionary(c => Slug(c.Key), c => c.Value.Pages), StringComparer.Ordinal),
            new SortedDictionary<string, long>(counts.ToDictionary(c => Slug(c.Key), c => c.Value.Bytes), StringComparer.Ordinal));
        File.WriteAllText(CorpusManifest.PathFor(folder), JsonSerializer.Serialize(manifest, JsonOptions.Indented));
        log.WriteLine($"corpus: {pages} pages, {manifest.TotalBytes / 1e6:F0} MB in {clock.Elapsed.TotalSeconds:F0} s -> {folder}");
        return manifest;
    }

    /// <summary>The generator of page <paramref name="index"/>: fixed by seed and index (HashCode is randomized per process, so not that).</summary>
    public static Random PageRandom(int seed, int index) => new((int)(((seed * 1_000_003L) + index) & int.MaxValue));

    /// <summary>Every page file of a corpus folder, in the order the CLI reads them.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".txt", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    public static string Slug(PageKind kind) => kind switch
    {
        PageKind.Utf8Meta => "utf8",
        PageKind.Utf8NoMeta => "utf8-nometa",
        PageKind.Gbk => "gbk",
        PageKind.Big5 => "big5",
        PageKind.DamagedMirror => "damaged",
        PageKind.TextDump => "textdump",
        _ => "list",
    };
}

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
