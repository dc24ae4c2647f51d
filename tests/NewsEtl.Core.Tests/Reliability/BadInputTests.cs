namespace NewsEtl.Core.Tests.Reliability;

/// <summary>
/// Each category of the bad-input corpus through the real pipeline: every input ends as exactly one record or one
/// rejection with a reason, none takes more than a few seconds, and the run itself never fails.
/// </summary>
public sealed class BadInputTests
{
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Categories() => [.. BadInputCorpus.Categories];

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task Run_BadInputCategory_EndsEveryInputAsOneRecordOrRejectionInBoundedTime(string category)
    {
        using var tree = new TempTree();
        var inputs = BadInputCorpus.Write(tree.Input, category);

        var run = await PipelineRun.RunAsync(tree.Input, tree.Output);

        AssertNothingLost(inputs, run);
    }

    [Fact]
    public async Task Run_200MegabyteInputs_AreRejectedBySizeWithoutReadingThemWhole()
    {
        using var tree = new TempTree();
        var inputs = BadInputCorpus.WriteHuge(tree.Input);

        var run = await PipelineRun.RunAsync(tree.Input, tree.Output);

        // The reason is decided from the size (file length, record Content-Length) before any byte of the body is read.
        AssertNothingLost(inputs, run);
    }

    internal static void AssertNothingLost(IReadOnlyList<BadInput> inputs, PipelineRun run)
    {
        var expected = inputs.SelectMany(i => i.Sources).Order(StringComparer.Ordinal).ToList();
        var actual = run.Outcomes.Select(o => o.Source).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Count, run.Summary.Report.Counts.Inputs);
        Assert.Equal(run.Summary.Report.Counts.Inputs, run.Summary.Report.Counts.Records + run.Summary.Report.Counts.Rejected);

        foreach (var outcome in run.Outcomes.Where(o => !o.IsRecord))
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Reason), $"{outcome.Source} was rejected without a reason");
        }

        foreach (var input in inputs.Where(i => i.ReasonContains is not null))
        {
            foreach (var source in input.Sources)
            {
                var outcome = run.Outcomes.Single(o => o.Source == source);
                Assert.False(outcome.IsRecord, $"{source} should have been rejected");
                Assert.Contains(input.ReasonContains!, outcome.Reason, StringComparison.OrdinalIgnoreCase);
            }
        }

        foreach (var (source, time) in run.Times)
        {
            Assert.True(time < PerInputLimit, $"{source} took {time.TotalSeconds:0.0} s");
        }
    }
}
