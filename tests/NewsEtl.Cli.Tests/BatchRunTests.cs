using System.Diagnostics;
using System.Text.Json;

namespace NewsEtl.Cli.Tests;

/// <summary>Runs for schedulers: incremental, idempotent, interruptible, shardable, configurable.</summary>
public sealed class BatchRunTests
{
    private static readonly string[] DataFiles = ["articles.csv", "articles.jsonl", "repairs.jsonl", "rejected.csv"];

    [Fact]
    public async Task Rerun_SameInputs_ProcessesNothingAndWritesIdenticalFiles()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        Corpus.Write(input, 5);
        var output = Path.Combine(temp.Root, "out");

        var first = await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"]);
        var before = Snapshot(output);
        var second = await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(before, Snapshot(output));
        var thisRun = ThisRun(output);
        Assert.Equal(0, thisRun.GetProperty("processed").GetInt32());
        Assert.Equal(5, thisRun.GetProperty("unchanged").GetInt32());
    }

    [Fact]
    public async Task Rerun_OneFileChanged_ReprocessesOnlyItAndReplacesItsRecord()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        Corpus.Write(input, 4);
        var output = Path.Combine(temp.Root, "out");
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"])).ExitCode);

        var changed = Path.Combine(input, "page-0002.txt");
        File.WriteAllText(changed, File.ReadAllText(changed).Replace("楊植麟", "某創始人", StringComparison.Ordinal));
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"])).ExitCode);

        var thisRun = ThisRun(output);
        Assert.Equal(1, thisRun.GetProperty("processed").GetInt32());
        Assert.Equal(3, thisRun.GetProperty("unchanged").GetInt32());
        var records = Records(output);
        Assert.Equal(4, records.Count);
        Assert.Single(records, r => r.GetProperty("source").GetString() == "page-0002.txt");
        Assert.Contains("某創始人", records.Single(r => r.GetProperty("source").GetString() == "page-0002.txt").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_KilledMidway_KeepsPreviousOutputsAndTheNextRunCompletesTheCorpus()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        Corpus.Write(input, 2);
        var output = Path.Combine(temp.Root, "out");
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"])).ExitCode);
        var previous = Snapshot(output);

        Corpus.Write(input, 150, "more");
        var info = CliProcess.StartInfo("dotnet", [CliProcess.ToolPath, "run", "-i", input, "-o", output, "-p", "1", "-q"]);
        using (var process = Process.Start(info)!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Kill once the store has committed part of this run's work (it commits at least every second).
            await WaitForStoredInputsAsync(Path.Combine(output, "newsetl.db"), atLeast: 10, TimeSpan.FromMinutes(2));
            Assert.False(process.HasExited, "the run ended before it could be killed; make the fixture larger");
            process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
            await process.WaitForExitAsync();
        }

        Assert.Equal(previous, Snapshot(output));

        var resumed = await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"]);
        Assert.Equal(0, resumed.ExitCode);
        Assert.True(ThisRun(output).GetProperty("unchanged").GetInt32() > 2, "the resumed run redid everything");
        Assert.Equal(152, Records(output).Count);

        var fresh = Path.Combine(temp.Root, "fresh");
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", fresh, "-q"])).ExitCode);
        Assert.Equal(Snapshot(fresh), Snapshot(output));
    }

    [Fact]
    public async Task TwoShardsMerged_GiveTheSameFilesAsOneRun()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        Corpus.Write(input, 12);
        File.Copy(Path.Combine(input, "page-0003.txt"), Path.Combine(input, "copy-of-3.txt"));
        var whole = Path.Combine(temp.Root, "whole");
        var shard1 = Path.Combine(temp.Root, "s1");
        var shard2 = Path.Combine(temp.Root, "s2");
        var merged = Path.Combine(temp.Root, "merged");

        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", whole, "-q"])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", shard1, "--shard", "1/2", "-q"])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", shard2, "--shard", "2/2", "-q"])).ExitCode);
        var merge = await CliProcess.RunAsync(["merge", "-o", merged, shard1, shard2, "-q"]);

        Assert.Equal(0, merge.ExitCode);
        var parts = Records(shard1).Count + Records(shard2).Count;
        Assert.Equal(13, parts);
        Assert.InRange(Records(shard1).Count, 1, 12);
        Assert.Equal(Snapshot(whole), Snapshot(merged));
        // Cross-shard duplicates are resolved in the merge: the exact copy points at the first of its group.
        var copy = Records(merged).Single(r => r.GetProperty("source").GetString() == "page-0003.txt");
        Assert.NotEqual(string.Empty, copy.GetProperty("duplicate_of").GetString());
    }

    [Fact]
    public async Task SinceLast_WritesOnlyThisRunsChangesIntoARunFolder()
    {
        using var temp = new TempDir();
        var input = temp.Sub("in");
        Corpus.Write(input, 3);
        var output = Path.Combine(temp.Root, "out");
        Assert.Equal(0, (await CliProcess.RunAsync(["run", "-i", input, "-o", output, "-q"])).ExitCode);
        Corpus.Write(input, 1, "late");

        var result = await CliProcess.RunAsync(["run", "-i", input, "-o", output, "--since-last", "-q"]);

        Assert.Equal(0, result.ExitCode);
        var runFolder = Assert.Single(Directory.GetDirectories(Path.Combine(output, "runs")));
        var records = Records(runFolder);
        Assert.Equal("late-0000.txt", Assert.Single(records).GetProperty("source").GetString());
        Assert.Equal(3, Records(output).Count);
    }

    [Fact]
    public async Task ConfigFileAndEnvironment_SetOptions_AndTheCommandLineWins()
    {
        using var temp = new TempDir();
        var config = Path.Combine(temp.Root, "newsetl.json");
        File.WriteAllText(config, """{ "parallelism": 1, "drop-duplicates": true, "include": ["*.txt"] }""");
        var output = Path.Combine(temp.Root, "out");
        var info = CliProcess.StartInfo("dotnet", [CliProcess.ToolPath, "run", "-i", Path.Combine(CliProcess.RepoRoot(), "input"), "-o", output, "--config", config, "-q", "--parallelism", "2"]);
        info.Environment["NEWSETL_SHINGLE_LENGTH"] = "4";

        var result = await CliProcess.RunProcessAsync(info, TimeSpan.FromMinutes(2));

        Assert.Equal(0, result.ExitCode);
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        var options = report.RootElement.GetProperty("options");
        Assert.Equal(2, options.GetProperty("parallelism").GetInt32());
        Assert.True(options.GetProperty("drop_duplicates").GetBoolean());
        Assert.Equal(4, options.GetProperty("shingle_length").GetInt32());
        Assert.Equal("*.txt", options.GetProperty("include")[0].GetString());
    }

    [Fact]
    public async Task ConfigFile_WithUnknownKey_ExitsTwoNamingTheKey()
    {
        using var temp = new TempDir();
        var config = Path.Combine(temp.Root, "bad.json");
        File.WriteAllText(config, """{ "paralelism": 4 }""");

        var result = await CliProcess.RunAsync(["run", "-o", temp.Root, "--config", config]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("paralelism", result.Stderr, StringComparison.Ordinal);
    }

    private static async Task WaitForStoredInputsAsync(string store, int atLeast, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            try
            {
                using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT count(*) FROM inputs";
                if ((long)command.ExecuteScalar()! >= atLeast)
                {
                    return;
                }
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The store is being created or locked for a moment; look again.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the run stored fewer than {atLeast} inputs within {limit}");
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        DataFiles.ToDictionary(f => f, f => File.Exists(Path.Combine(folder, f)) ? File.ReadAllText(Path.Combine(folder, f)) : "(missing)");

    private static JsonElement ThisRun(string output)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        return report.RootElement.GetProperty("this_run").Clone();
    }

    private static List<JsonElement> Records(string folder) =>
        File.ReadAllLines(Path.Combine(folder, "articles.jsonl")).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
}
