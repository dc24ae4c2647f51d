using System.Globalization;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>What else the machine is doing: the benchmark records it beside every timing.</summary>
internal static class Machine
{
    /// <summary>The 1-minute load average from /proc/loadavg ("?" where there is none).</summary>
    public static string LoadAverage()
    {
        try
        {
            var first = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(first, CultureInfo.InvariantCulture).ToString("F1", CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return "?";
        }
    }
}
