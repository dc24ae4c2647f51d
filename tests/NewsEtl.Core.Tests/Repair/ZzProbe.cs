using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;
using Xunit.Abstractions;

namespace NewsEtl.Core.Tests.Repair;

public sealed class ZzProbe(ITestOutputHelper output)
{
    [Fact]
    public void Probe()
    {
        var c = Corruption.Cases(Environment.GetEnvironmentVariable("PROBE_KIND")!).First(c => c.Clean.StartsWith(Environment.GetEnvironmentVariable("PROBE_TEXT")!, StringComparison.Ordinal) && c.Damaged != c.Clean && (Environment.GetEnvironmentVariable("PROBE_WHOLE") == "1") == !c.Damaged.Contains(c.Clean[0], StringComparison.Ordinal));
        var damaged = c.Damaged;
        var run = SuspectRun.Next(damaged, 0, false);
        output.WriteLine($"{run}");
        foreach (var (s, e, pieces) in (Environment.GetEnvironmentVariable("PROBE_KIND")!.Contains("gbk") ? Utf8Misreading.AsGbk : Utf8Misreading.AsLatin).Readings(damaged, run!.Value))
        {
            output.WriteLine($"{s} {e} {string.Concat(pieces.Select(x => x.Choices[0]))}");
        }
        output.WriteLine(string.Join(" ", damaged.Select(c => ((int)c).ToString("X4"))));
        var r = new TextRepairer().ForPage(c.Page).Repair(damaged);
        output.WriteLine(r.Text);
        foreach (var x in r.Suspects) output.WriteLine(x.ToString());
        foreach (var x in r.Edits) output.WriteLine(x.ToString());
        output.WriteLine($"{DoubleByteCodec.Gbk.BytesOf('圓'):X4}");
    }
}
