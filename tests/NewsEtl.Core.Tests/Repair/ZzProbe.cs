using NewsEtl.Core.Tests.Support;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Repair;

public sealed class ZzProbe
{
    [Fact]
    public async Task Probe()
    {
        var output = "/tmp/sample-out";
        Directory.CreateDirectory(output);
        var options = new RunOptions { Input = Path.Combine(RepoPaths.Root(), "input"), Output = output, Parallelism = 1 };
        await new NewsEtlRunner(options).RunAsync(null, CancellationToken.None);
    }
}
