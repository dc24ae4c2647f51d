using System.Diagnostics;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Fuzz;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>Every input kept in fuzz/regressions/&lt;target&gt;/ through its fuzz target: no exception, a few seconds at most.</summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Findings()
    {
        var data = new TheoryData<string, string>();
        var root = Path.Combine(RepoPaths.Root(), "fuzz", "regressions");
        foreach (var target in FuzzTargets.Names)
        {
            var folder = Path.Combine(root, target);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                data.Add(target, Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void Replay_SavedFuzzFinding_RunsWithoutCrashInBoundedTime(string target, string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root(), "fuzz", "regressions", target, file));
        var clock = Stopwatch.StartNew();

        FuzzTargets.Run(target, bytes);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{target}/{file} took {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
