namespace NewsEtl.Cli.Tests;

/// <summary>run.ps1 under PowerShell 7, the repository's pinned local tool (.config/dotnet-tools.json).</summary>
public sealed class RunScriptTests
{
    [Fact]
    public async Task RunPs1_SampleInput_RunsTheJobAndPassesTheExitCodeThrough()
    {
        var root = CliProcess.RepoRoot();
        var restore = await CliProcess.RunProcessAsync(CliProcess.StartInfo("dotnet", ["tool", "restore"], root), TimeSpan.FromMinutes(5));
        Assert.True(restore.ExitCode == 0, "dotnet tool restore failed: " + restore.Stderr + restore.Stdout);
        using var temp = new TempDir();
        var output = Path.Combine(temp.Root, "out");

        var ok = await CliProcess.RunProcessAsync(
            CliProcess.StartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(root, "run.ps1"), "-OutputPath", output, "-Quiet", "-Parallelism", "1"], root),
            TimeSpan.FromMinutes(5));
        var bad = await CliProcess.RunProcessAsync(
            CliProcess.StartInfo("dotnet", ["pwsh", "-NoProfile", "-NonInteractive", "-File", Path.Combine(root, "run.ps1"), "-InputPath", Path.Combine(temp.Root, "missing"), "-OutputPath", output, "-NoBuild"], root),
            TimeSpan.FromMinutes(2));

        Assert.True(ok.ExitCode == 0, $"run.ps1 exited {ok.ExitCode}: {ok.Stderr}{ok.Stdout}");
        Assert.Contains("1 records", ok.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "articles.jsonl")));
        Assert.Equal(2, bad.ExitCode);
    }
}
