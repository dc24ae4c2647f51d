using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Repair;

/// <summary>The repair stage's first promise: clean text is never changed, and nothing in it is reported.</summary>
public sealed class CleanTextTests
{
    [Fact]
    public void Repair_CleanControls_AreNeverChangedNorReported()
    {
        var repairer = new TextRepairer();
        var lookAlikes = 0;
        foreach (var control in Corruption.Controls())
        {
            var result = repairer.ForPage(control.Page).Repair(control.Text);

            Assert.Equal(control.Text, result.Text);
            Assert.Empty(result.Edits);
            if (control.Name.EndsWith(Corruption.LookAlike, StringComparison.Ordinal))
            {
                // A look-alike of damage may be reported for review ("贏家?A隊" is also Big5's comma, lead byte lost).
                lookAlikes++;
                Assert.All(result.Suspects, s => Assert.Equal(control.Text.IndexOf(s.Text, StringComparison.Ordinal), s.Offset));
            }
            else
            {
                Assert.Empty(result.Suspects);
            }
        }

        Assert.Equal(CleanCorpus.LookAlikes.Count, lookAlikes);
    }

    /// <summary>
    /// Property: any text made of clean clauses, ASCII question marks and legitimate parentheses comes back unchanged.
    /// 300 texts from a fixed seed, so a failure reproduces.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Repair_RandomCleanText_IsNeverChanged(bool traditional)
    {
        var corpus = traditional ? CleanCorpus.Traditional : CleanCorpus.Simplified;
        var clauses = corpus.SelectMany(p => p.Split('，', '。', '？')).Where(c => c.Length > 1).ToList();
        string[] extras = ["(AI)", "(iOS)", "(2024年)", "?", "“", "”", "(GDP)", "3.5%", "Apple"];
        var random = new Random(20240607);
        var page = new TextRepairer().ForPage(corpus);
        for (var n = 0; n < 300; n++)
        {
            var parts = Enumerable.Range(0, random.Next(2, 6)).Select(_ => clauses[random.Next(clauses.Count)]
                + (random.Next(3) == 0 ? extras[random.Next(extras.Length)] : string.Empty));
            var body = string.Join(random.Next(2) == 0 ? "，" : ",", parts);
            // "??" at the end is left out: it is exactly what a '？' split by a chunk boundary leaves (the sample page's title).
            var text = body + (random.Next(2) == 0 || body.EndsWith('?') ? "。" : "?");

            var result = page.Repair(text);

            Assert.True(string.Equals(text, result.Text, StringComparison.Ordinal), $"changed: {text} => {result.Text}");
        }
    }
}
