using System.Globalization;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Bench;

/// <summary>
/// Sorts the cases of one kind that did not come back exactly by cause, and counts the cases and the characters
/// still wrong (edit distance to the clean text) in each class.
/// </summary>
internal static class FailureClasses
{
    public static void Run(string kind, int examples, TextWriter console)
    {
        var repairer = new TextRepairer();
        var classes = new SortedDictionary<string, (int Cases, long Wrong, List<string> Shown)>(StringComparer.Ordinal);
        int total = 0, exact = 0;
        long allWrong = 0;
        var index = -1;
        foreach (var c in RepairBenchmark.CasesOf(kind))
        {
            index++;
            if (!c.Repairable)
            {
                continue;
            }

            total++;
            var result = repairer.ForPage(c.Page).Repair(c.Damaged);
            if (string.Equals(result.Text, c.Clean, StringComparison.Ordinal))
            {
                exact++;
                continue;
            }

            var wrong = Levenshtein.Distance(result.Text, c.Clean);
            allWrong += wrong;
            var name = Classify(c.Damaged, c.Clean, result);
            if (!classes.TryGetValue(name, out var entry))
            {
                entry = (0, 0, []);
            }

            if (entry.Shown.Count < examples)
            {
                var lines = $"#{index}\ndamaged : {c.Damaged}\nrepaired: {result.Text}\nclean   : {c.Clean}\n";
                foreach (var e in result.Edits)
                {
                    lines += $"  edit {e.Kind} @{e.Offset} [{e.Before}] -> [{e.After}] {e.Confidence}\n";
                }

                entry.Shown.Add(lines);
            }

            classes[name] = (entry.Cases + 1, entry.Wrong + wrong, entry.Shown);
        }

        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{kind}: {total} cases, {exact} exact, {total - exact} not, {allWrong} characters wrong after repair"));
        console.WriteLine("| class | cases | chars wrong |");
        console.WriteLine("|---|---:|---:|");
        foreach (var (name, entry) in classes)
        {
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {entry.Cases} | {entry.Wrong} |"));
        }

        foreach (var (name, entry) in classes)
        {
            console.WriteLine();
            console.WriteLine("## " + name);
            foreach (var shown in entry.Shown)
            {
                console.WriteLine(shown);
            }
        }
    }

    private static string Classify(string damaged, string clean, RepairResult result)
    {
        if (result.Edits.Count == 0 && result.Suspects.Count == 0)
        {
            return "1 not found";
        }

        if (string.Equals(result.Text, damaged, StringComparison.Ordinal))
        {
            return "2 found, left unrepaired";
        }

        // The damaged window: what lies between the prefix and suffix the damaged text shares with the clean one.
        var damagedPrefix = Prefix(damaged, clean);
        var damagedSuffix = Suffix(damaged, clean, damagedPrefix);
        var prefix = Prefix(result.Text, clean);
        var suffix = Suffix(result.Text, clean, prefix);
        if (prefix < damagedPrefix || suffix < damagedSuffix)
        {
            return "6 change outside the damage";
        }

        if (result.Text.Length == clean.Length)
        {
            int differ = 0, marks = 0;
            for (var i = 0; i < clean.Length; i++)
            {
                if (result.Text[i] != clean[i])
                {
                    differ++;
                    marks += result.Text[i] == '\uFFFD' ? 1 : 0;
                }
            }

            if (differ == marks)
            {
                return "3 swallowed byte left as U+FFFD";
            }

            if (differ - marks == 1)
            {
                return marks == 0 ? "4 one character wrong" : "4b one character wrong + U+FFFD";
            }
        }

        var middle = result.Text[prefix..(result.Text.Length - suffix)];
        return middle.Contains('?', StringComparison.Ordinal) || HasGarble(middle, damaged) ? "5 partly repaired (garble left)" : "7 repaired wrongly (other)";
    }

    private static bool HasGarble(string middle, string damaged)
    {
        // A stretch of three or more characters of the damaged text left as they were.
        for (var i = 0; i + 3 <= middle.Length; i++)
        {
            if (damaged.Contains(middle.AsSpan(i, 3), StringComparison.Ordinal) && middle[i] >= 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static int Prefix(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }

    private static int Suffix(string a, string b, int prefix)
    {
        var n = 0;
        while (n < a.Length - prefix && n < b.Length - prefix && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
