namespace NewsEtl.Cli.Tests;

/// <summary>Fixture folders of distinct text-dump pages made from the sample page.</summary>
public static class Corpus
{
    public static string SamplePage => Path.Combine(CliProcess.RepoRoot(), "input", "000_4a82a27c2d5c363e.txt");

    /// <summary>Writes <paramref name="count"/> distinct pages (a marker word changes in each) into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count, string prefix = "page")
    {
        Directory.CreateDirectory(folder);
        var sample = File.ReadAllText(SamplePage);
        for (var i = 0; i < count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"{prefix}-{i:D4}.txt"), Variant(sample, i));
        }
    }

    /// <summary>The sample with each "DeepSeek" renamed, so pages differ in text but keep their structure and damage.</summary>
    public static string Variant(string sample, int i) => sample.Replace("DeepSeek", $"DeepSeek{i}", StringComparison.Ordinal);
}
