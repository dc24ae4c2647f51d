namespace NewsEtl.Fetching;

/// <summary>Counts the tries made for one URL and the retry delays waited, for its result and report.</summary>
internal sealed class AttemptLog
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _delays = [];
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>What the last retried try of the current request ended in, for a reason that stops mid-retries.</summary>
    public string? LastFailure { get; set; }

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_gate)
            {
                return [.. _delays];
            }
        }
    }

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    public void AddDelay(TimeSpan delay)
    {
        lock (_gate)
        {
            _delays.Add(delay);
        }
    }
}
