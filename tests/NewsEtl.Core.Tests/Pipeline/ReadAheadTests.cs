using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Pipeline;

public sealed class ReadAheadTests
{
    [Fact]
    public void Of_ManyMoreItemsThanItHoldsAhead_GivesEveryItemInOrder()
    {
        var items = ReadAhead.Of(Enumerable.Range(0, 10_000), capacity: 4, CancellationToken.None).ToList();

        Assert.Equal(Enumerable.Range(0, 10_000), items);
    }

    [Fact]
    public void Of_ReadsOnAnotherThread()
    {
        var readers = new List<int>();
        IEnumerable<int> Source()
        {
            for (var i = 0; i < 3; i++)
            {
                readers.Add(Environment.CurrentManagedThreadId);
                yield return i;
            }
        }

        _ = ReadAhead.Of(Source(), 2, CancellationToken.None).ToList();

        Assert.All(readers, id => Assert.NotEqual(Environment.CurrentManagedThreadId, id));
    }

    [Fact]
    public void Of_SourceThrows_GivesTheItemsBeforeThenThrowsItsException()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("row 3 is corrupt");
        }

        var seen = new List<int>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var item in ReadAhead.Of(Failing(), 8, CancellationToken.None))
            {
                seen.Add(item);
            }
        });

        Assert.Equal("row 3 is corrupt", error.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void Of_ConsumerLeavesEarly_StopsReadingWithinTheCapacityAndDisposesTheSource()
    {
        var read = 0;
        var disposed = false;
        IEnumerable<int> Source()
        {
            try
            {
                for (var i = 0; i < 1_000_000; i++)
                {
                    Interlocked.Increment(ref read);
                    yield return i;
                }
            }
            finally
            {
                disposed = true;
            }
        }

        var firstThree = ReadAhead.Of(Source(), 4, CancellationToken.None).Take(3).ToList();

        Assert.Equal([0, 1, 2], firstThree);
        // Three taken, at most four waiting, and the one the reader held when it was stopped.
        Assert.InRange(Volatile.Read(ref read), 3, 3 + 4 + 1);
        Assert.True(disposed);
    }

    [Fact]
    public void Of_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var seen = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in ReadAhead.Of(Enumerable.Range(0, 1_000_000), 4, cancel.Token))
            {
                if (++seen == 10)
                {
                    cancel.Cancel();
                }
            }
        });
        Assert.Equal(10, seen);
    }
}
