using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>Every kind of damage the generator makes, through the whole repair stage: floors a regression would break (bench/ reports the full numbers).</summary>
public sealed class DamageKindTests
{
    [Theory]
    [InlineData("gbk-out-of-step", 0.90, 0.55)]
    [InlineData("big5-out-of-step", 0.75, 0.60)]
    [InlineData("gbk-out-of-step-noted", 0.90, 0.55)]
    [InlineData("note-inside-character", 0.95, 0.90)]
    [InlineData("utf8-as-gbk", 0.90, 0.65)]
    [InlineData("utf8-as-latin1", 0.95, 0.95)]
    [InlineData("utf8-as-cp1252", 0.95, 0.95)]
    [InlineData("gbk-as-big5", 0.95, 0.90)]
    [InlineData("big5-as-gbk", 0.90, 0.80)]
    [InlineData("gbk-as-latin1", 0.95, 0.90)]
    [InlineData("big5-as-cp1252", 0.90, 0.85)]
    [InlineData("double-utf8", 0.95, 0.95)]
    [InlineData("html-remnant", 1.0, 1.0)]
    [InlineData("pinyin-note", 1.0, 1.0)]
    [InlineData("replacement-char", 1.0, 0.0)]
    public void Repair_GeneratedDamage_IsFoundAndRestoredAndNeverMadeWorse(string kind, double found, double exact)
    {
        var repairer = new TextRepairer();
        // Every seventh out-of-step split keeps the test quick; the other kinds are few.
        var cases = Corruption.Cases(kind).Where((_, i) => !kind.Contains("out-of-step", StringComparison.Ordinal) || i % 7 == 0).ToList();
        int foundCount = 0, exactCount = 0;
        foreach (var c in cases)
        {
            var result = repairer.ForPage(c.Page).Repair(c.Damaged);
            foundCount += result.Edits.Count > 0 || result.Suspects.Count > 0 ? 1 : 0;
            exactCount += string.Equals(result.Text, c.Clean, StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.NotEmpty(cases);
        Assert.True(foundCount >= cases.Count * found, $"{kind}: found {foundCount} of {cases.Count}");
        Assert.True(exactCount >= cases.Count * exact, $"{kind}: restored {exactCount} of {cases.Count} exactly");
    }
}
