using NewsEtl.Dedup;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>
/// Managed memory the cross-page index holds for N distinct articles (random signatures, so none matches and every
/// one is added with all its bands), as the write phase of a run over N pages builds it: each fingerprint is made
/// as the store would hand it over and dropped once added, so everything still alive afterwards is the index's.
/// Also the most the heap held on the way (sampled every 1,000 articles, garbage included), with the index made at
/// its final size as the run makes it and, for comparison, grown from empty.
/// </summary>
internal static class IndexMemory
{
    public static string Measure(int articles, bool presized)
    {
        var options = new NearDuplicateOptions();
        var random = new Random(42);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var index = new NearDuplicateIndex(options, presized ? articles : 0);
        var matches = 0;
        var most = 0L;
        for (var i = 0; i < articles; i++)
        {
            var signature = new uint[options.SignatureLength];
            for (var s = 0; s < signature.Length; s++)
            {
                signature[s] = (uint)random.NextInt64(uint.MaxValue);
            }

            // Ids and content hashes as the records carry them: 16 and 64 hex digits.
            var hash = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
            matches += index.FindAndAdd(new IndexedArticle(i.ToString("x16"), hash, signature, 5000)) is null ? 0 : 1;
            if (i % 1000 == 999)
            {
                most = Math.Max(most, GC.GetTotalMemory(forceFullCollection: false) - before);
            }
        }

        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(index);
        var held = after - before;
        var signatures = (long)articles * options.SignatureLength * sizeof(ushort);
        return $"{articles} articles, {(presized ? "made at that size" : "grown from empty")}: index holds {held / 1e6:F1} MB "
            + $"({held / (double)articles:F0} B per article): signatures {signatures / 1e6:F1} MB, buckets and entries "
            + $"{(held - signatures) / 1e6:F1} MB; heap at most {most / 1e6:F1} MB above the start while adding; {matches} matched";
    }
}
