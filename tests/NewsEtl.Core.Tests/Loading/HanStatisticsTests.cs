using NewsEtl.Core.Tests.Loading.Support;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class HanStatisticsTests
{
    [Fact]
    public void Choose_NewsTextInEitherCharset_PicksItsOwnCharset()
    {
        Assert.Equal("gbk", HanStatistics.Choose(Samples.Gbk(Samples.Simplified)));
        Assert.Equal("big5", HanStatistics.Choose(Samples.Big5(Samples.Traditional)));
    }

    [Fact]
    public void Choose_NoHanText_FallsBackToGbk()
    {
        Assert.Equal("gbk", HanStatistics.Choose([0x80, 0x80, 0x80]));
    }
}
