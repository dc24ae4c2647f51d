using System.Diagnostics;
using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

public sealed class RepairCostTests
{
    [Fact]
    public void PageStatistics_CountsNothingUntilAskedForThem()
    {
        var statistics = new PageStatistics(CleanCorpus.Traditional);

        Assert.True(statistics.IsTraditional);
        Assert.False(statistics.HasCounts);

        Assert.True(statistics.Count('的') > 0);
        Assert.True(statistics.HasCounts);
    }

    [Fact]
    public void Repair_MoreMarksThanTheBudget_LeavesTheRestAndReportsIt()
    {
        // Every '?' is followed by kana, so none reads as a plain question mark: each one is a possible lost byte.
        var text = new StringBuilder();
        for (var k = 0; k < 40; k++)
        {
            text.Append("新闻?").Append((char)('\u3041' + k)).Append('。');
        }

        var damaged = text.ToString();
        var repairer = new TextRepairer(new RepairOptions { MaxMarksPerText = 10 });

        var result = repairer.ForPage(CleanCorpus.Simplified.Append(damaged)).Repair(damaged);

        var suspect = Assert.Single(result.Suspects, s => s.Kind == "out-of-step");
        Assert.Contains("more than 10", suspect.Reason, StringComparison.Ordinal);
        // Everything from the eleventh mark on is as it was.
        var eleventh = IndexOfNth(damaged, '?', 11);
        Assert.EndsWith(damaged[eleventh..], result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Repair_BinaryReadAsText_CostGrowsLinearly()
    {
        // Random bytes read as UTF-8: mostly U+FFFD between stray letters and symbols, the worst case for the lost-byte search.
        var small = RandomBytesAsUtf8(2_000, seed: 1);
        var large = RandomBytesAsUtf8(16_000, seed: 2);
        var repairer = new TextRepairer();
        repairer.ForPage([small]).Repair(small);

        var smallCost = CpuTime(() => repairer.ForPage([small]).Repair(small));
        var largeCost = CpuTime(() => repairer.ForPage([large]).Repair(large));

        // Eight times the text; a quadratic cost would be about 64 times. Allow for noise on a shared machine.
        Assert.True(largeCost < (smallCost * 24) + TimeSpan.FromMilliseconds(500), $"small {smallCost}, large {largeCost}");
    }

    private static TimeSpan CpuTime(Action action)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        action();
        return Process.GetCurrentProcess().TotalProcessorTime - before;
    }

    private static string RandomBytesAsUtf8(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private static int IndexOfNth(string text, char c, int n)
    {
        var index = -1;
        for (var k = 0; k < n; k++)
        {
            index = text.IndexOf(c, index + 1);
        }

        return index;
    }
}
