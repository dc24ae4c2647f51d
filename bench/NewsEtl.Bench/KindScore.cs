using System.Globalization;

namespace NewsEtl.Bench;

/// <summary>Running totals for one damage kind: spans, found, exact, and edit distance before and after repair.</summary>
internal sealed class KindScore(string kind)
{
    public string Kind { get; } = kind;

    public int Spans { get; private set; }

    public int Found { get; private set; }

    public int Exact { get; private set; }

    public int Repairable { get; private set; }

    private long _cleanChars;
    private long _distanceBefore;
    private long _distanceAfter;

    public void Add(bool found, bool exact, bool repairable, int cleanLength, int distanceBefore, int distanceAfter)
    {
        Spans++;
        Found += found ? 1 : 0;
        Exact += exact ? 1 : 0;
        Repairable += repairable ? 1 : 0;
        _cleanChars += cleanLength;
        _distanceBefore += distanceBefore;
        _distanceAfter += distanceAfter;
    }

    public string Row() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Kind,-29} | {Spans,6} | {Percent(Found, Spans),7} | {(Repairable == 0 ? "n/a" : Percent(Exact, Repairable)),7} | {Accuracy(_distanceBefore),9} | {Accuracy(_distanceAfter),9} |");

    private string Accuracy(long distance) => _cleanChars == 0 ? "-" : (100.0 * (1 - ((double)distance / _cleanChars))).ToString("F2", CultureInfo.InvariantCulture) + "%";

    private static string Percent(int part, int whole) => whole == 0 ? "-" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
