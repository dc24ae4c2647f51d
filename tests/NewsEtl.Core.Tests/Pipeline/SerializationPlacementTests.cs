using NewsEtl.Core.Tests.Support;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>
/// One page worker leaves a record's serialization to the thread that saves in input order; a worker on every core
/// serializes its own records. Where it happens must not show in what is written.
/// </summary>
public sealed class SerializationPlacementTests
{
    [Fact]
    public async Task Run_OneWorkerAndAWorkerPerCore_WriteTheSameFiles()
    {
        using var input = new ScratchFolder();
        File.Copy(Path.Combine(RepoPaths.Root(), "input", "000_4a82a27c2d5c363e.txt"), input.PathOf("000_4a82a27c2d5c363e.txt"));
        if (RepoPaths.SharedPages() is { } shared)
        {
            foreach (var page in Directory.EnumerateFiles(shared).Order(StringComparer.Ordinal))
            {
                File.Copy(page, input.PathOf(Path.GetFileName(page)));
            }
        }

        File.WriteAllBytes(input.PathOf("broken.html"), [0xFF, 0xFE, 0x00, 0xD8, 0x3C, 0x00]);

        using var one = new ScratchFolder();
        using var all = new ScratchFolder();
        var serial = await Run(input.Root, one.Root, 1);
        var perCore = await Run(input.Root, all.Root, Math.Max(2, Environment.ProcessorCount));

        Assert.True(serial.Report.Counts.Records >= 1);
        Assert.Equal(serial.Report.Counts, perCore.Report.Counts);
        foreach (var name in new[] { OutputSet.ArticlesJsonl, OutputSet.ArticlesCsv, OutputSet.RepairsJsonl, OutputSet.RejectedCsv })
        {
            Assert.Equal(File.ReadAllBytes(one.PathOf(name)), File.ReadAllBytes(all.PathOf(name)));
        }
    }

    private static Task<RunSummary> Run(string input, string output, int parallelism) =>
        new NewsEtlRunner(new RunOptions { Input = input, Output = output, Parallelism = parallelism }).RunAsync(null, CancellationToken.None);
}
