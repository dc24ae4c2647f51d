using NewsEtl.Bench;

// `dotnet run -c Release --project bench/NewsEtl.Bench -- repair [--quick]` or `-- extract` (from the repository root)
if (args.Length >= 2 && args[0] == "failures")
{
    RepairBenchmark.Failures(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, Console.Out);
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
    Console.Error.WriteLine("usage: NewsEtl.Bench repair [--quick] [--out FILE] | failures KIND [N] | extract | fetch [PAGES] [CONCURRENCY]   (--quick: fewer out-of-step cases, 10 MB of clean text; extract: run from the repository root)");
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
