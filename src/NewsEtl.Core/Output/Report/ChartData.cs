namespace NewsEtl.Output.Report;

/// <summary>The rows of the three charts, computed from the record summaries and the repair counts.</summary>
internal static class ChartData
{
    /// <summary>Past this many distinct days the chart counts per month, so a long run stays readable.</summary>
    public const int MaxDays = 62;

    private static readonly (int Low, int High)[] Bins =
        [(0, 0), (1, 1), (2, 4), (5, 9), (10, 19), (20, 49), (50, 99), (100, 199), (200, 499), (500, 999), (1000, int.MaxValue)];

    /// <summary>Records per publication day (or month), in date order; records without a date are counted apart.</summary>
    public static (IReadOnlyList<(string Label, int Value)> Rows, bool ByMonth, int Undated) PerDay(IReadOnlyList<RecordSummary> records)
    {
        var days = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var undated = 0;
        foreach (var record in records)
        {
            if (record.Day is { } day)
            {
                days[day] = days.GetValueOrDefault(day) + 1;
            }
            else
            {
                undated++;
            }
        }

        if (days.Count <= MaxDays)
        {
            return (days.Select(d => (d.Key, d.Value)).ToList(), false, undated);
        }

        var months = days.GroupBy(d => d.Key[..7], StringComparer.Ordinal)
            .Select(g => (g.Key, g.Sum(d => d.Value)))
            .ToList();
        return (months, true, undated);
    }

    public static IReadOnlyList<(string Label, int Value)> PerKind(SortedDictionary<string, int> byKind) =>
        byKind.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => (k.Key, k.Value)).ToList();

    /// <summary>How many records have 0, 1, 2–4, 5–9, … repairs, up to the highest bin that has any.</summary>
    public static IReadOnlyList<(string Label, int Value)> RepairsPerRecord(IReadOnlyList<RecordSummary> records)
    {
        var counts = new int[Bins.Length];
        foreach (var record in records)
        {
            var n = Math.Max(0, record.RepairCount);
            counts[Array.FindIndex(Bins, b => n >= b.Low && n <= b.High)]++;
        }

        var last = Array.FindLastIndex(counts, c => c > 0);
        return Enumerable.Range(0, last + 1).Select(i => (BinLabel(Bins[i]), counts[i])).ToList();
    }

    private static string BinLabel((int Low, int High) bin) =>
        bin.Low == bin.High ? $"{bin.Low}"
        : bin.High == int.MaxValue ? $"{bin.Low}+"
        : $"{bin.Low}–{bin.High}";
}
