using NewsEtl.Bench;

// `dotnet run -c Release --project bench/NewsEtl.Bench -- repair [--quick]`
if (args.Length >= 2 && args[0] == "failures")
{
    RepairBenchmark.Failures(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20, Console.Out);
    return 0;
}

if (args.Length == 0 || args[0] != "repair")
{
    Console.Error.WriteLine("usage: NewsEtl.Bench repair [--quick] [--out FILE] | failures KIND [N]   (--quick: fewer out-of-step cases, 10 MB of clean text)");
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
