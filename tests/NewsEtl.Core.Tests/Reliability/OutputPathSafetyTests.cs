using NewsEtl.Output;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>
/// Whatever a page, a WARC record or an MHTML part names itself, the run writes only its five files and its store,
/// inside the output folder: no name taken from an input becomes a path.
/// </summary>
public sealed class OutputPathSafetyTests
{
    private static readonly string[] HostileNames =
    [
        "../../escaped", "../../../../../../tmp/newsetl-escaped", "/tmp/newsetl-escaped-absolute", "..\\..\\escaped", "C:\\escaped",
        "file:///tmp/newsetl-escaped-url", "x/../../escaped", "%2e%2e%2fescaped", "escaped\0.html", "~/escaped",
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_InputsNamingPathsOutsideTheOutput_WriteNothingOutsideIt(bool sinceLast)
    {
        using var tree = new TempTree();
        var sandbox = Path.Combine(tree.Root, "sandbox");
        var output = Path.Combine(sandbox, "out");
        Directory.CreateDirectory(sandbox);
        File.WriteAllText(Path.Combine(sandbox, "canary.txt"), "unchanged");
        WriteHostileInputs(tree.Input);
        var before = Snapshot(tree.Root);

        await PipelineRun.RunAsync(tree.Input, output, configure: o => o with { SinceLast = sinceLast });

        var created = Snapshot(tree.Root).Except(before).Order(StringComparer.Ordinal).ToList();
        Assert.All(created, path => Assert.StartsWith(output + Path.DirectorySeparatorChar, path, StringComparison.Ordinal));
        var names = created.Select(p => Path.GetRelativePath(output, p).Replace('\\', '/')).ToList();
        string[] files = [OutputSet.ArticlesCsv, OutputSet.ArticlesJsonl, OutputSet.RepairsJsonl, OutputSet.RejectedCsv, OutputSet.RunJson, NewsEtl.Output.Report.ReportWriter.FileName];
        var folder = sinceLast ? "runs/000001/" : "";
        Assert.Equal(files.Select(f => folder + f).Append("newsetl.db").Order(StringComparer.Ordinal), names.Where(n => !n.StartsWith("newsetl.db-", StringComparison.Ordinal)));
        Assert.Equal("unchanged", File.ReadAllText(Path.Combine(sandbox, "canary.txt")));
        Assert.False(File.Exists("/tmp/newsetl-escaped") || File.Exists("/tmp/newsetl-escaped-absolute") || File.Exists("/tmp/newsetl-escaped-url"));
    }

    private static void WriteHostileInputs(string input)
    {
        var records = HostileNames.Select((name, i) => (name, BadInputCorpus.GoodPage(i))).ToArray();
        File.WriteAllBytes(Path.Combine(input, "hostile.warc.gz"), BadInputCorpus.Gzip(BadInputCorpus.Warc(records)));
        for (var i = 0; i < HostileNames.Length; i++)
        {
            var name = HostileNames[i];
            File.WriteAllText(Path.Combine(input, $"saved-{i}.html"), $"<!-- saved from url=(0010){name} -->\n" + BadInputCorpus.GoodPage(100 + i));
            File.WriteAllText(
                Path.Combine(input, $"part-{i}.mhtml"),
                $"MIME-Version: 1.0\r\nSnapshot-Content-Location: {name}\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n"
                + $"--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Location: {name}\r\nContent-ID: <{name}>\r\n\r\n{BadInputCorpus.GoodPage(200 + i)}\r\n"
                + $"--b\r\nContent-Type: image/png\r\nContent-Location: {name}.png\r\n\r\nx\r\n--b--\r\n");
        }
    }

    private static HashSet<string> Snapshot(string root) =>
        [.. Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })];
}
