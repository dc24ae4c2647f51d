using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace NewsEtl.Cli.Tests;

public sealed class RunCommandTests
{
    private static readonly string[] OutputFiles = ["articles.csv", "articles.jsonl", "repairs.jsonl", "rejected.csv", "run.json"];

    private static string SampleInput => Path.Combine(CliProcess.RepoRoot(), "input");

    [Fact]
    public async Task Run_SampleInput_WritesTheFiveFilesAndExitsZero()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Root, "out");

        var result = await CliProcess.RunAsync(["run", "--input", SampleInput, "--output", output, "--quiet"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var file in OutputFiles)
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} missing; stderr: {result.Stderr}");
        }

        Assert.Contains("1 records", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(output, ".*.tmp-*"));
    }

    [Fact]
    public async Task Run_Twice_WritesByteIdenticalDataFiles()
    {
        using var temp = new TempDir();
        var first = Path.Combine(temp.Root, "a");
        var second = Path.Combine(temp.Root, "b");

        Assert.Equal(0, (await CliProcess.RunAsync(["run", "--input", SampleInput, "--output", first, "-q", "-p", "1"])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "--input", SampleInput, "--output", second, "-q", "-p", "2"])).ExitCode);

        foreach (var file in OutputFiles.Where(f => f != "run.json"))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(first, file)), File.ReadAllBytes(Path.Combine(second, file)));
        }
    }

    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("--parallelism", "zero")]
    [InlineData("--parallelism", "0")]
    [InlineData("--paragraph-similarity", "2")]
    [InlineData("--log-format", "xml")]
    public async Task Run_BadArgument_ExitsTwoAndNamesTheOption(params string[] args)
    {
        using var temp = new TempDir();

        var result = await CliProcess.RunAsync(["run", "--input", SampleInput, "--output", temp.Root, .. args]);

        Assert.Equal(2, result.ExitCode);
        var named = args[0] == "--paragraph-similarity" ? "paragraph similarity" : args[0];
        Assert.Contains(named, result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Root, "articles.csv")));
    }

    [Fact]
    public async Task Run_MissingInputFolder_ExitsTwoWithAFix()
    {
        using var temp = new TempDir();

        var result = await CliProcess.RunAsync(["run", "--input", Path.Combine(temp.Root, "nope"), "--output", temp.Root]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CorruptArchiveAmongPages_ExitsOneAndReportsIt()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        File.Copy(Path.Combine(SampleInput, "000_4a82a27c2d5c363e.txt"), Path.Combine(input, "page.txt"));
        File.WriteAllBytes(Path.Combine(input, "broken.warc.gz"), [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02]);
        var output = Path.Combine(temp.Root, "out");

        var result = await CliProcess.RunAsync(["run", "--input", input, "--output", output, "-q"]);

        Assert.Equal(1, result.ExitCode);
        var rejected = File.ReadAllText(Path.Combine(output, "rejected.csv"));
        Assert.Contains("broken.warc.gz", rejected, StringComparison.Ordinal);
        Assert.Contains("true", rejected, StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(output, "articles.jsonl"), Encoding.UTF8));
    }

    [Fact]
    public async Task Help_ListsEveryOptionAndTheExitCodes()
    {
        var result = await CliProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[]
                 {
                     "--input", "--output", "--include", "--exclude", "--max-input-mb", "--parallelism", "--repair-charsets",
                     "--keep-pinyin-notes", "--full-width-punctuation", "--paragraph-similarity", "--min-repeated-block",
                     "--near-duplicate-threshold", "--shingle-length", "--drop-duplicates", "--no-csv-injection-protection",
                     "--quiet", "--log-format", "--version", "--state", "--full", "--since-last", "--prune", "--shard", "--config",
                     "--urls", "--url", "--user-agent", "--fetch-concurrency", "--max-attempts", "--per-host-delay", "--attempt-timeout",
                     "--ignore-robots", "--allow-private-redirects", "merge", "fetch",
                 })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("130", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_Sigterm_StopsWith130AndLeavesPreviousOutputsIntact()
    {
        Assert.True(RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX), "needs POSIX signals");
        using var temp = new TempDir();
        var input = temp.Sub("in");
        var sample = File.ReadAllText(Path.Combine(SampleInput, "000_4a82a27c2d5c363e.txt"));
        for (var i = 0; i < 400; i++)
        {
            // Distinct pages, so none is a cheap exact duplicate of another.
            File.WriteAllText(Path.Combine(input, $"page-{i:D4}.txt"), sample.Replace("DeepSeek", $"DeepSeek{i}", StringComparison.Ordinal));
        }

        var output = temp.Sub("out");
        var previous = Path.Combine(output, "articles.csv");
        File.WriteAllText(previous, "previous run\r\n");

        var info = CliProcess.StartInfo("dotnet", [CliProcess.ToolPath, "run", "--input", input, "--output", output, "-p", "1"]);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(process.HasExited, "the run finished before it could be interrupted; make the fixture larger");
        Assert.Equal(0, Kill(process.Id, 15));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        await Task.WhenAll(stderr, stdout);

        Assert.Equal(130, process.ExitCode);
        Assert.Equal("previous run\r\n", File.ReadAllText(previous));
        Assert.Empty(Directory.GetFiles(output, ".*.tmp-*"));
        Assert.False(File.Exists(Path.Combine(output, "run.json")));
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
