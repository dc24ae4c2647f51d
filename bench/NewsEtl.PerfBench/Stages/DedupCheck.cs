using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.PerfBench.EndToEnd;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.PerfBench.Stages;

/// <summary>
/// Everything the dedup stages decide for a set of pages, one line per page: the body and audit trail after in-page
/// dedup, the content hash, the MinHash signature and shingle count, and the cross-page index's answer (pages added
/// in file order). Two builds that write the same file decide the same; the in-page dedup time per page is printed.
/// </summary>
internal static class DedupCheck
{
    public static void Run(IReadOnlyList<string> files, string output, TextWriter log)
    {
        Encodings.EnsureRegistered();
        var extractor = new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor());
        var processor = new ArticleProcessor(extractor, new TextRepairer(new RepairOptions()), new InPageDeduplicator(new InPageDedupOptions()));
        var index = new NearDuplicateIndex(new NearDuplicateOptions());
        using var writer = new StreamWriter(output, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
        var (records, duplicates, dedupTicks) = (0, 0, 0L);
        foreach (var file in files)
        {
            var outcome = processor.Process(PageDecoder.Decode(InProcessPipeline.Load(file)), 0);
            var name = Path.GetFileName(file);
            if (outcome.Record is not { } record)
            {
                writer.WriteLine($"{name}\trejected");
                continue;
            }

            records++;
            dedupTicks += outcome.Timings.Dedup;
            var fingerprint = index.Fingerprint(record.Id, record.ContentHash, TextFingerprint.Normalize(record.Body));
            var duplicateOf = index.FindAndAdd(fingerprint);
            duplicates += duplicateOf is null ? 0 : 1;
            var trail = new StringBuilder();
            foreach (var r in outcome.Repairs)
            {
                trail.Append(r.Stage).Append('|').Append(r.Kind).Append('|').Append(r.Field).Append('|').Append(r.Paragraph).Append('|')
                    .Append(r.Offset).Append('|').Append(r.Before).Append('|').Append(r.After).Append('|').Append(r.Confidence).Append('\n');
            }

            var signature = new StringBuilder();
            foreach (var value in fingerprint.Signature)
            {
                signature.Append(value).Append(',');
            }

            writer.WriteLine($"{name}\t{Hash(record.Body)}\t{Hash(trail.ToString())}\t{record.ContentHash}\t{Hash(signature.ToString())}\t{fingerprint.ShingleCount}\t{duplicateOf ?? "-"}");
        }

        log.WriteLine($"{files.Count} pages, {records} records, {duplicates} near-duplicates; in-page dedup "
            + $"{dedupTicks * 1e6 / Stopwatch.Frequency / Math.Max(1, records):F0} μs per record (wall, one thread)");
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
