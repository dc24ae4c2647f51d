using System.Globalization;
using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Bench;

/// <summary>Runs the corruption generator through the repair stage and prints what it found, restored and changed.</summary>
internal static class RepairBenchmark
{
    private const string SecondCopy = ", second copy";

    /// <summary>Prints the cases of one kind the repair did not restore exactly, to see why.</summary>
    public static void Failures(string kind, int limit, TextWriter console)
    {
        var repairer = new TextRepairer();
        foreach (var c in Corruption.Cases(kind).Where(c => c.Repairable))
        {
            var result = repairer.ForPage(c.Page).Repair(c.Damaged);
            if (!string.Equals(result.Text, c.Clean, StringComparison.Ordinal) && limit-- > 0)
            {
                console.WriteLine($"damaged : {c.Damaged}\nrepaired: {result.Text}\nclean   : {c.Clean}");
                foreach (var e in result.Edits)
                {
                    console.WriteLine($"  edit {e.Kind} @{e.Offset} [{e.Before}] -> [{e.After}] {e.Confidence}");
                }

                console.WriteLine();
            }
        }
    }

    public static string Run(bool quick, TextWriter console)
    {
        var repairer = new TextRepairer();
        var sb = new StringBuilder();
        void Line(string text)
        {
            console.WriteLine(text);
            sb.Append(text).Append('\n');
        }

        Line("# Repair benchmark");
        Line(string.Empty);
        Line($"`dotnet run -c Release --project bench/NewsEtl.Bench -- repair{(quick ? " --quick" : string.Empty)}` ({Environment.ProcessorCount} cores, .NET {Environment.Version}). The corruption generator is tests/NewsEtl.Core.Tests/Support/Corruption.cs over CleanCorpus.cs (54 simplified, 54 traditional paragraphs); each damaged paragraph is repaired inside a page of its script.");
        Line(string.Empty);
        Line("## Damage repaired, per kind");
        Line(string.Empty);
        Line("`found`: the repair made an edit or reported a suspect; `exact`: the paragraph came back exactly; `no wrong`: exactly, or but for U+FFFD left where a lost byte carried nothing to infer it from (a swallowed digit), so no character in it is wrong; accuracy: 1 - edit distance / clean length, before and after repair; `wrong after`: that edit distance after repair, in characters, over the clean characters.");
        Line(string.Empty);
        Line("| kind                          |  spans |   found |   exact | no wrong | acc.before | acc.after | wrong after |");
        Line("|-------------------------------|-------:|--------:|--------:|---------:|----------:|----------:|------------:|");
        var total = new KindScore("all damage");
        foreach (var kind in Corruption.Kinds)
        {
            var score = new KindScore(kind);
            var cases = Corruption.Cases(kind);
            foreach (var c in quick && kind.Contains("out-of-step", StringComparison.Ordinal) ? cases.Where((_, i) => i % 5 == 0) : cases)
            {
                var result = repairer.ForPage(c.Page).Repair(c.Damaged);
                var found = result.Edits.Count > 0 || result.Suspects.Count > 0;
                score.Add(c.Clean, c.Damaged, result.Text, found, c.Repairable);
                total.Add(c.Clean, c.Damaged, result.Text, found, c.Repairable);
            }

            Line(score.Row());
        }

        Line(total.Row());
        Line(CoreOutOfStep(repairer).Row());
        foreach (var kind in (string[])["gbk-out-of-step", "big5-out-of-step", "gbk-out-of-step-noted"])
        {
            var score = new KindScore(kind + SecondCopy);
            var cases = CasesOf(kind + SecondCopy);
            foreach (var c in quick ? cases.Where((_, i) => i % 5 == 0) : cases)
            {
                var result = repairer.ForPage(c.Page).Repair(c.Damaged);
                score.Add(c.Clean, c.Damaged, result.Text, result.Edits.Count > 0 || result.Suspects.Count > 0);
            }

            Line(score.Row());
        }

        Line(string.Empty);
        Line("`all damage` sums the kinds above it. `core14`: the 14 traditional paragraphs the unit test uses, split inside every character but the first, each on a page of the others. `second copy`: the out-of-step cases again, on a page that also holds the paragraph split inside the character half the paragraph away, as a scraped page that repeats its article does; the first copy is repaired and measured.");
        Line(string.Empty);
        Controls(repairer, Line);
        Line(string.Empty);
        Throughput.Measure(repairer, quick ? 10 : 60, Line);
        return sb.ToString();
    }

    /// <summary>The cases of a kind of <see cref="Corruption.Kinds"/>, or of an out-of-step kind followed by ", second copy".</summary>
    public static IEnumerable<DamageCase> CasesOf(string kind) =>
        kind.EndsWith(SecondCopy, StringComparison.Ordinal) ? Corruption.CopiedOutOfStep(kind[..^SecondCopy.Length]) : Corruption.Cases(kind);

    /// <summary>The unit test's measure, kept for comparison: the core traditional paragraphs split inside every character but the first, on a page of those paragraphs (the damaged one in place of its clean text).</summary>
    private static KindScore CoreOutOfStep(TextRepairer repairer)
    {
        var score = new KindScore("gbk-out-of-step core14");
        var core = CleanCorpus.Traditional.Take(CleanCorpus.Core).ToList();
        foreach (var paragraph in core)
        {
            var clean = Damage.FoldPunctuation(paragraph);
            foreach (var offset in Damage.MidCharacterOffsets(paragraph).Skip(1))
            {
                var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(paragraph, offset));
                // The page holds the other paragraphs and the damaged one, never the paragraph's clean text.
                var result = repairer.ForPage(core.Select(p => p == paragraph ? damaged : Damage.FoldPunctuation(p))).Repair(damaged);
                score.Add(clean, damaged, result.Text, result.Edits.Count > 0 || result.Suspects.Count > 0);
            }
        }

        return score;
    }

    private static void Controls(TextRepairer repairer, Action<string> line)
    {
        int paragraphs = 0, changed = 0, edits = 0, suspects = 0;
        var examples = new List<string>();
        foreach (var c in Corruption.Controls())
        {
            var result = repairer.ForPage(c.Page).Repair(c.Text);
            paragraphs++;
            edits += result.Edits.Count;
            suspects += result.Suspects.Count;
            if (!string.Equals(result.Text, c.Text, StringComparison.Ordinal))
            {
                changed++;
                examples.Add($"{c.Name}: {c.Text} => {result.Text}");
            }
            else if (result.Suspects.Count > 0)
            {
                examples.Add($"{c.Name}, unchanged, reported: {c.Text} ({string.Join("; ", result.Suspects.Select(s => s.Text))})");
            }
        }

        line("## Clean controls (simplified and traditional, as typeset and with punctuation folded, and look-alikes of damage)");
        line(string.Empty);
        line("The look-alikes (CleanCorpus.LookAlikes) are clean sentences with a question mark or a colon before a capital, a digit or Latin text, as a lost lead byte whose trail byte is ASCII would leave. A suspect on a clean control flags its record for review without changing it.");
        line(string.Empty);
        line("| paragraphs | changed | edits | suspects |");
        line("|-----------:|--------:|------:|---------:|");
        line(string.Create(CultureInfo.InvariantCulture, $"| {paragraphs,10} | {changed,7} | {edits,5} | {suspects,8} |"));
        foreach (var example in examples.Take(10))
        {
            line("- " + example);
        }
    }
}
