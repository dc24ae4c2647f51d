namespace NewsEtl.Fetching;

/// <summary>Which of the three things a fetch can end in.</summary>
public enum FetchStatus
{
    /// <summary>The page was downloaded: <see cref="FetchResult.Input"/> holds it.</summary>
    Fetched,

    /// <summary>The server answered 304 to a conditional request: the copy from an earlier run is current.</summary>
    NotModified,

    /// <summary>No page: <see cref="FetchResult.Rejection"/> says why.</summary>
    Rejected,
}
