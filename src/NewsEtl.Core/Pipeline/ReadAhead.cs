using System.Collections.Concurrent;

namespace NewsEtl.Pipeline;

/// <summary>
/// A sequence read on a thread of its own, a bounded number of items ahead of the consumer: reading the run store and
/// writing the output files then take a core each instead of taking turns on one.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The items of <paramref name="source"/> in their order. An exception the source throws is thrown here, after the
    /// items before it; leaving the loop early, or <paramref name="cancellationToken"/>, stops the reading thread and
    /// waits for it, so the source is never read after this enumeration ends.
    /// </summary>
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        return Iterate(source, capacity, cancellationToken);
    }

    private static IEnumerable<T> Iterate<T>(IEnumerable<T> source, int capacity, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<T>(capacity);
        Exception? failure = null;
        var reader = new Thread(() =>
        {
            try
            {
                foreach (var item in source)
                {
                    queue.Add(item, stop.Token);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer left or the run was cancelled; nothing more is wanted.
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "newsetl read-ahead" };
        reader.Start();
        try
        {
            foreach (var item in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return item;
            }
        }
        finally
        {
            stop.Cancel();
            reader.Join();
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
