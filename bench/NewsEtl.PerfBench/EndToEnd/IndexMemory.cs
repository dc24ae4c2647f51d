using NewsEtl.Dedup;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>
/// Managed memory the cross-page index holds for N distinct articles (random signatures, so none matches and every
/// one is added with all its bands), as the write phase of a run over N pages builds it.
/// </summary>
internal static class IndexMemory
{
    public static string Measure(int articles)
    {
        var options = new NearDuplicateOptions();
        var random = new Random(42);
        var prepared = new List<IndexedArticle>(articles);
        for (var i = 0; i < articles; i++)
        {
            var signature = new uint[options.SignatureLength];
            for (var s = 0; s < signature.Length; s++)
            {
                signature[s] = (uint)random.NextInt64(uint.MaxValue);
            }

            // Ids and content hashes as the records carry them: 16 and 64 hex digits.
            prepared.Add(new IndexedArticle(i.ToString("x16"), Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), signature, 5000));
        }

        var preparedBytes = GC.GetTotalMemory(forceFullCollection: true);
        var index = new NearDuplicateIndex(options);
        var matches = prepared.Count(a => index.FindAndAdd(a) is not null);
        var withIndex = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        var signatures = (long)articles * ((options.SignatureLength * 4) + 24);
        return $"{articles} articles: index adds {(withIndex - preparedBytes) / 1e6:F1} MB beyond the fingerprints themselves "
            + $"({(withIndex - preparedBytes) / (double)articles:F0} B per article; the signatures are another {signatures / 1e6:F1} MB); {matches} matched";
    }
}
