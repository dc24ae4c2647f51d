namespace NewsEtl.Fetching;

/// <summary>A fetch the tool declines to go on with (limit exceeded, unsafe redirect...): never retried, it becomes a rejection.</summary>
internal sealed class FetchRefusedException(string reason) : Exception(reason)
{
    public string Reason => Message;
}
