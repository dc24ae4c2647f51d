namespace NewsEtl.Extraction.Html;

/// <summary>The flags an HTML extraction can raise; later stages and the run report read them.</summary>
internal static class ArticleFlags
{
    /// <summary>The page was cut off while the body was still being read: the text may end mid-sentence.</summary>
    public const string Truncated = "truncated";

    /// <summary>A paywall mask covered the body: the text may be only the free part.</summary>
    public const string Paywalled = "paywalled";

    public static IReadOnlyList<string> Of(bool truncated, bool paywalled)
    {
        var flags = new List<string>(2);
        if (truncated)
        {
            flags.Add(Truncated);
        }

        if (paywalled)
        {
            flags.Add(Paywalled);
        }

        return flags;
    }
}
