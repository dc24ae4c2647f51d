using System.Globalization;
using NewsEtl.Core.Tests.Support;

namespace NewsEtl.Bench;

/// <summary>
/// Running totals for one damage kind: spans, found, exact, no wrong character (exact but for lost bytes left visible
/// as U+FFFD), and edit distance before and after repair.
/// </summary>
internal sealed class KindScore(string kind)
{
    public string Kind { get; } = kind;

    public int Spans { get; private set; }

    public int Found { get; private set; }

    public int Exact { get; private set; }

    public int Repairable { get; private set; }

    /// <summary>Repairable spans that came back exact, or exact but for U+FFFD where a byte carried nothing left to infer.</summary>
    public int NoWrong { get; private set; }

    private long _cleanChars;
    private long _distanceBefore;
    private long _distanceAfter;

    /// <summary>One damaged paragraph and what the repair made of it.</summary>
    public void Add(string clean, string damaged, string repaired, bool found, bool repairable = true)
    {
        var exact = string.Equals(repaired, clean, StringComparison.Ordinal);
        Spans++;
        Found += found ? 1 : 0;
        Exact += exact ? 1 : 0;
        NoWrong += repairable && (exact || OnlyMarkedLost(repaired, clean)) ? 1 : 0;
        Repairable += repairable ? 1 : 0;
        _cleanChars += clean.Length;
        _distanceBefore += Levenshtein.Distance(damaged, clean);
        _distanceAfter += exact ? 0 : Levenshtein.Distance(repaired, clean);
    }

    /// <summary>The same text but for some characters shown as U+FFFD: nothing wrong written, only gaps left visible.</summary>
    private static bool OnlyMarkedLost(string repaired, string clean)
    {
        if (repaired.Length != clean.Length)
        {
            return false;
        }

        for (var i = 0; i < clean.Length; i++)
        {
            if (repaired[i] != clean[i] && repaired[i] != '\uFFFD')
            {
                return false;
            }
        }

        return true;
    }

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Kind,-29} | {Spans,6} | {Percent(Found, Spans),7} | {(Repairable == 0 ? "n/a" : Percent(Exact, Repairable)),7} | {(Repairable == 0 ? "n/a" : Percent(NoWrong, Repairable)),8} | {Accuracy(_distanceBefore),9} | {Accuracy(_distanceAfter),9} | {_distanceAfter + " / " + _cleanChars,11} |");

    // Three decimals: a target such as 99.5 % is met or missed in the third (99.496 % is not 99.5 %).
    private string Accuracy(long distance) => _cleanChars == 0 ? "-" : (100.0 * (1 - ((double)distance / _cleanChars))).ToString("F3", CultureInfo.InvariantCulture) + "%";

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
