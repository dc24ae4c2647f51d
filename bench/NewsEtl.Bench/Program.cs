using NewsEtl.Bench;

// `dotnet run -c Release --project bench/NewsEtl.Bench -- repair [--quick]` or `-- extract` (from the repository root)
if (args.Length >= 2 && args[0] == "failures")
{
    RepairBenchmark.Failures(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, Console.Out);
    return 0;
}

if (args.Length >= 2 && args[0] == "classes")
{
    FailureClasses.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5, Console.Out);
    return 0;
}

if (args.Length >= 3 && args[0] == "one")
{
    // one KIND N: repairs the N-th case of a kind alone (NEWSETL_DEBUG=1 shows the scorer).
    var c = RepairBenchmark.CasesOf(args[1]).ElementAt(int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture));
    var r = new NewsEtl.Repair.TextRepairer().ForPage(c.Page).Repair(c.Damaged);
    Console.WriteLine($"damaged : {c.Damaged}\nrepaired: {r.Text}\nclean   : {c.Clean}");
    return 0;
}

if (args.Length >= 2 && args[0] == "text")
{
    // text TEXT: repairs one text inside a page of the corpus of its script, punctuation folded.
    var traditional = NewsEtl.Text.ChineseScript.Detect([args[1]]) == "zh-Hant";
    var corpus = (traditional ? NewsEtl.Core.Tests.Support.CleanCorpus.Traditional : NewsEtl.Core.Tests.Support.CleanCorpus.Simplified).Select(NewsEtl.Core.Tests.Support.Damage.FoldPunctuation);
    Console.WriteLine(new NewsEtl.Repair.TextRepairer().ForPage(corpus.Append(args[1])).Repair(args[1]).Text);
    return 0;
}

if (args.Length >= 4 && args[0] == "score")
{
    // score LEFT RIGHT MIDDLE...: the scorer's log-probability of each middle between the same neighbours, on a page
    // of the corpus of the middles' script, punctuation folded.
    var traditional = NewsEtl.Text.ChineseScript.Detect(args[3..]) == "zh-Hant";
    var corpus = (traditional ? NewsEtl.Core.Tests.Support.CleanCorpus.Traditional : NewsEtl.Core.Tests.Support.CleanCorpus.Simplified).Select(NewsEtl.Core.Tests.Support.Damage.FoldPunctuation);
    // NEWSETL_PAGE_TEXT: a text added to the page (the damaged one, as the repair sees it).
    if (Environment.GetEnvironmentVariable("NEWSETL_PAGE_TEXT") is { Length: > 0 } extra)
    {
        corpus = corpus.Append(extra);
    }

    var scorer = new NewsEtl.Repair.TextScorer(NewsEtl.Text.WordModel.Default, new NewsEtl.Repair.PageStatistics(corpus.ToList()));
    foreach (var middle in args[3..])
    {
        Console.WriteLine($"{scorer.Score(args[1], middle, args[2]),9:F2}  {args[1]}[{middle}]{args[2]}");
    }

    return 0;
}

if (args.Length >= 3 && args[0] == "pairs")
{
    // pairs FIRST SECOND...: how often the word-pair corpus writes each second word after the first (simplified forms).
    foreach (var second in args[2..])
    {
        Console.WriteLine($"{NewsEtl.Text.WordBigrams.Default.Count(args[1], second),8}  {args[1]}@{second}");
    }

    return 0;
}

if (args.Length >= 1 && args[0] == "replacement")
{
    ReplacementCost.Run(Console.Out);
    return 0;
}

if (args.Length >= 1 && args[0] == "fetch")
{
    var pages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000;
    var concurrency = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 16;
    var table = await FetchBenchmark.RunAsync(Directory.GetCurrentDirectory(), pages, concurrency, Console.Out);
    File.WriteAllText(Path.Combine(Directory.GetCurrentDirectory(), "bench", "RESULTS-fetch.md"), table);
    return 0;
}

if (args.Length >= 1 && args[0] == "extract")
{
    var root = Directory.GetCurrentDirectory();
    var table = ExtractionBenchmark.Run(root, Console.Out);
    File.WriteAllText(Path.Combine(root, "bench", "RESULTS-extract.md"), table);
    return 0;
}

if (args.Length == 0 || args[0] != "repair")
{
    Console.Error.WriteLine("usage: NewsEtl.Bench repair [--quick] [--out FILE] | failures KIND [N] | classes KIND [N] | one KIND INDEX | text TEXT | score LEFT RIGHT MIDDLE... | replacement | extract | fetch [PAGES] [CONCURRENCY]   (--quick: fewer out-of-step cases, 10 MB of clean text; extract: run from the repository root)");
    return 2;
}

var quick = args.Contains("--quick");
var outIndex = Array.IndexOf(args, "--out");
var outFile = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;
var report = RepairBenchmark.Run(quick, Console.Out);
if (outFile is not null)
{
    File.WriteAllText(outFile, report);
    Console.WriteLine($"written to {outFile}");
}

return 0;
