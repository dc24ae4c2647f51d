using Microsoft.Extensions.Time.Testing;
using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class HostThrottleTests
{
    [Fact]
    public async Task WaitTurn_SameHost_ReleasesOneRequestPerSpacing()
    {
        var clock = new FakeTimeProvider();
        var throttle = new HostThrottle(TimeSpan.FromSeconds(1), clock);

        var first = throttle.WaitTurnAsync("www.jiemian.com", CancellationToken.None);
        var second = throttle.WaitTurnAsync("www.jiemian.com", CancellationToken.None);
        var third = throttle.WaitTurnAsync("www.jiemian.com", CancellationToken.None);
        var otherHost = throttle.WaitTurnAsync("m.jiemian.com", CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.True(otherHost.IsCompleted);
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.False(third.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        await third;
    }

    [Fact]
    public void WaitTurn_AfterAQuietSpell_DoesNotWait()
    {
        var clock = new FakeTimeProvider();
        var throttle = new HostThrottle(TimeSpan.FromSeconds(1), clock);

        Assert.True(throttle.WaitTurnAsync("a", CancellationToken.None).IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(throttle.WaitTurnAsync("a", CancellationToken.None).IsCompleted);
    }
}
