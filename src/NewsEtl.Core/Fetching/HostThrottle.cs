namespace NewsEtl.Fetching;

/// <summary>Spaces the requests to one host by at least a fixed delay, measured on the injected clock.</summary>
internal sealed class HostThrottle(TimeSpan spacing, TimeProvider timeProvider)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _nextSlot = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reserves the host's next free slot and waits for it; callers queue in arrival order without holding a lock.</summary>
    public Task WaitTurnAsync(string host, CancellationToken cancellationToken)
    {
        if (spacing <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var now = timeProvider.GetUtcNow();
        DateTimeOffset slot;
        lock (_gate)
        {
            slot = _nextSlot.TryGetValue(host, out var next) && next > now ? next : now;
            _nextSlot[host] = slot + spacing;
        }

        var wait = slot - now;
        return wait > TimeSpan.Zero ? Task.Delay(wait, timeProvider, cancellationToken) : Task.CompletedTask;
    }
}
