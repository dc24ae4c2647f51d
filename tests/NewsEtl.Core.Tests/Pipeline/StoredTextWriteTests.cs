using System.Text.Json;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>The write phase copies the text the store keeps; what it writes must be what the writers write for the same records.</summary>
public sealed class StoredTextWriteTests
{
    private static readonly string[] DataFiles = [OutputSet.ArticlesCsv, OutputSet.ArticlesJsonl, OutputSet.RepairsJsonl, OutputSet.RejectedCsv];

    private static string TwoCopiesOfTheSample(ScratchFolder folder)
    {
        var input = folder.PathOf("in");
        Directory.CreateDirectory(input);
        var sample = Path.Combine(RepoPaths.Root(), "input", "000_4a82a27c2d5c363e.txt");
        File.Copy(sample, Path.Combine(input, "a.txt"));
        File.Copy(sample, Path.Combine(input, "b.txt"));
        return input;
    }

    private static async Task RunAsync(string input, string output, bool injectionProtection, string? state = null) =>
        await new NewsEtlRunner(new RunOptions
        {
            Input = input,
            Output = output,
            StatePath = state,
            Parallelism = 2,
            Report = null,
            Writing = new OutputOptions { CsvInjectionProtection = injectionProtection },
        }).RunAsync(null, CancellationToken.None);

    [Fact]
    public async Task Run_RecordsAndTheirDuplicate_AreWrittenAsTheWritersWriteTheRecords()
    {
        using var folder = new ScratchFolder();
        var output = folder.PathOf("out");
        await RunAsync(TwoCopiesOfTheSample(folder), output, injectionProtection: true);

        var records = File.ReadAllLines(Path.Combine(output, OutputSet.ArticlesJsonl))
            .Select(l => JsonSerializer.Deserialize<ArticleRecord>(l, Json.Lines)!).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal(records[0].Id, records[1].DuplicateOf);
        var expected = folder.PathOf("expected");
        await using (var writer = new OutputSet(expected, new OutputOptions()))
        {
            foreach (var record in records)
            {
                writer.WriteArticle(record);
            }

            await writer.CommitAsync(new { run = 1 }, CancellationToken.None);
        }

        foreach (var file in new[] { OutputSet.ArticlesCsv, OutputSet.ArticlesJsonl })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(output, file)));
        }
    }

    [Fact]
    public async Task Rerun_WithOtherCsvProtection_WritesWhatAFreshRunWithItWrites()
    {
        using var folder = new ScratchFolder();
        var input = TwoCopiesOfTheSample(folder);
        var rerun = folder.PathOf("rerun");
        await RunAsync(input, rerun, injectionProtection: true);
        await RunAsync(input, rerun, injectionProtection: false);
        var fresh = folder.PathOf("fresh");
        await RunAsync(input, fresh, injectionProtection: false);

        foreach (var file in DataFiles)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, file)), File.ReadAllBytes(Path.Combine(rerun, file)));
        }
    }
}
