using System.Text;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class EncodingsTests
{
    [Fact]
    public void EnsureRegistered_CalledConcurrentlyManyTimes_MakesGbkAndBig5Available()
    {
        Parallel.For(0, 32, _ => Encodings.EnsureRegistered());
        Encodings.EnsureRegistered();

        Assert.Equal(936, Encoding.GetEncoding("gbk").CodePage);
        Assert.Equal(54936, Encoding.GetEncoding("gb18030").CodePage);
        Assert.Equal(950, Encoding.GetEncoding("big5").CodePage);
    }
}
