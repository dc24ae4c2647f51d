using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsEtl.PerfBench.EndToEnd;

/// <summary>How a child process ran: exit code, wall time, CPU time and peak resident memory.</summary>
internal sealed record ChildRun(int ExitCode, double WallSeconds, double UserSeconds, double SystemSeconds, long PeakRssBytes, string PeakRssSource, string StdErr);

/// <summary>
/// Runs a command and measures it. Peak RSS comes from GNU time's "Maximum resident set size" (the kernel's
/// ru_maxrss of the child) when /usr/bin/time exists, else from polling VmHWM in /proc/PID/status while it runs.
/// </summary>
internal static partial class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";

    public static ChildRun Run(string file, IReadOnlyList<string> arguments, string? pinToCpus = null)
    {
        var useTime = File.Exists(GnuTime);
        var command = new List<string>();
        if (pinToCpus is not null)
        {
            command.AddRange(["taskset", "-c", pinToCpus]);
        }

        if (useTime)
        {
            command.AddRange([GnuTime, "-v"]);
        }

        command.Add(file);
        command.AddRange(arguments);
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {command[0]}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        long polledPeak = 0;
        while (!process.WaitForExit(25))
        {
            polledPeak = Math.Max(polledPeak, ReadPeak(process.Id));
        }

        var wall = clock.Elapsed.TotalSeconds;
        process.WaitForExit();
        _ = stdout.Result;
        var err = stderr.Result;
        if (!useTime)
        {
            return new ChildRun(process.ExitCode, wall, 0, 0, polledPeak * 1024, "VmHWM polled every 25 ms", err);
        }

        return new ChildRun(
            process.ExitCode,
            wall,
            Seconds(UserTime().Match(err)),
            Seconds(SystemTime().Match(err)),
            long.Parse(MaxRss().Match(err).Groups[1].Value, CultureInfo.InvariantCulture) * 1024,
            "GNU time ru_maxrss",
            err);
    }

    /// <summary>VmHWM (peak resident set, kB) of a live process; 0 once it is gone.</summary>
    private static long ReadPeak(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private static double Seconds(Match m) => m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"User time \(seconds\): ([0-9.]+)")]
    private static partial Regex UserTime();

    [GeneratedRegex(@"System time \(seconds\): ([0-9.]+)")]
    private static partial Regex SystemTime();

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): ([0-9]+)")]
    private static partial Regex MaxRss();
}
