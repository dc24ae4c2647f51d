using Microsoft.Extensions.Time.Testing;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>
/// A FakeTimeProvider that knows its pending timers and, in the background, jumps straight to any timer due
/// within <see cref="Horizon"/> (retry delays, per-host spacing). Longer timers (per-try and overall timeouts)
/// fire only when a test calls <see cref="Advance"/>, so no test ever waits on the wall clock for them.
/// </summary>
internal sealed class TestClock : TimeProvider, IAsyncDisposable
{
    private readonly FakeTimeProvider _fake = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly Lock _timersGate = new();
    private readonly Lock _advanceGate = new();
    private readonly List<TrackedTimer> _timers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public TestClock(TimeSpan? horizon = null)
    {
        Horizon = horizon ?? TimeSpan.FromSeconds(15);
        _pump = Task.Run(PumpAsync);
    }

    public TimeSpan Horizon { get; }

    public DateTimeOffset Start => _fake.Start;

    public TimeSpan Elapsed => GetUtcNow() - Start;

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by)
    {
        lock (_advanceGate)
        {
            _fake.Advance(by);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new TrackedTimer(this, _fake.CreateTimer(callback, state, dueTime, period), dueTime);
        lock (_timersGate)
        {
            _timers.Add(timer);
        }

        return timer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }

    private async Task PumpAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var now = GetUtcNow();
            DateTimeOffset? next = null;
            lock (_timersGate)
            {
                _timers.RemoveAll(t => t.Disposed);
                foreach (var timer in _timers)
                {
                    if (timer.DueAt is { } due && due > now && due - now <= Horizon && (next is null || due < next))
                    {
                        next = due;
                    }
                }
            }

            if (next is { } target)
            {
                lock (_advanceGate)
                {
                    if (target > _fake.GetUtcNow())
                    {
                        _fake.SetUtcNow(target);
                    }
                }

                await Task.Yield();
                continue;
            }

            try
            {
                await Task.Delay(1, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                // stopping
            }
        }
    }

    private sealed class TrackedTimer : ITimer
    {
        private readonly TestClock _clock;
        private readonly ITimer _inner;

        public TrackedTimer(TestClock clock, ITimer inner, TimeSpan dueTime)
        {
            _clock = clock;
            _inner = inner;
            SetDue(dueTime);
        }

        public DateTimeOffset? DueAt { get; private set; }

        public bool Disposed { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = _inner.Change(dueTime, period);
            SetDue(dueTime);
            return changed;
        }

        public void Dispose()
        {
            Disposed = true;
            _inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private void SetDue(TimeSpan dueTime) =>
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _clock.GetUtcNow() + dueTime;
    }
}
