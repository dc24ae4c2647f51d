using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Bench;

/// <summary>
/// Clean-text speed of the repair stage on one thread, the way the pipeline calls it: page statistics, then
/// every paragraph. A Stopwatch loop over many megabytes after a warm-up (JIT and the language data loaded).
/// </summary>
internal static class Throughput
{
    public static void Measure(TextRepairer repairer, int megabytes, Action<string> line)
    {
        // The corpus pages, as typeset and folded; the look-alikes of damage are few and not the common case.
        var pages = Corruption.Controls().Where(c => !c.Name.EndsWith(Corruption.LookAlike, StringComparison.Ordinal))
            .GroupBy(c => c.Name).Select(g => g.First().Page).ToList();
        var pageBytes = pages.Select(p => p.Sum(t => Encoding.UTF8.GetByteCount(t))).ToList();
        Run(repairer, pages, 1);

        var target = megabytes * 1_000_000L;
        long bytes = 0, chars = 0;
        var clock = Stopwatch.StartNew();
        var checksum = 0;
        while (bytes < target)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                checksum += Run(repairer, [pages[i]], 1);
                bytes += pageBytes[i];
                chars += pages[i].Sum(t => t.Length);
            }
        }

        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        line("## Clean-text throughput (one thread)");
        line(string.Empty);
        line("| text (UTF-8) | characters | seconds | MB/s | checksum |");
        line("|-------------:|-----------:|--------:|-----:|---------:|");
        line(string.Create(
            CultureInfo.InvariantCulture,
            $"| {bytes / 1e6:F1} MB | {chars / 1e6:F1} M | {seconds:F2} | {bytes / 1e6 / seconds:F1} | {checksum} |"));
    }

    /// <summary>Repairs every paragraph of the pages; returns the total repaired length so the work cannot be optimised away.</summary>
    private static int Run(TextRepairer repairer, List<IReadOnlyList<string>> pages, int rounds)
    {
        var length = 0;
        for (var r = 0; r < rounds; r++)
        {
            foreach (var page in pages)
            {
                var pageRepairer = repairer.ForPage(page);
                foreach (var text in page)
                {
                    length += pageRepairer.Repair(text).Text.Length;
                }
            }
        }

        return length;
    }
}
