using System.Text;

namespace NewsEtl.Core.Tests.Support;

/// <summary>
/// Golden files: whole outputs compared as text with a committed copy under tests/NewsEtl.Core.Tests/Expected.
/// Set NEWSETL_UPDATE_GOLDEN=1 to rewrite the copies after a deliberate change; they never update on their own.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string expectedRelative, string actual)
    {
        var path = Path.Combine(RepoPaths.Root(), "tests", "NewsEtl.Core.Tests", "Expected", expectedRelative);
        if (Environment.GetEnvironmentVariable("NEWSETL_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing; run the tests once with NEWSETL_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(path, Encoding.UTF8);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var line = 0;
            while (line < Math.Min(expectedLines.Length, actualLines.Length) && expectedLines[line] == actualLines[line])
            {
                line++;
            }

            Assert.Fail($"{expectedRelative} differs from the golden file at line {line + 1}:\nexpected: {Clip(expectedLines.ElementAtOrDefault(line))}\nactual:   {Clip(actualLines.ElementAtOrDefault(line))}");
        }
    }

    private static string Clip(string? line) => line is null ? "(end of file)" : line.Length > 300 ? line[..300] + "…" : line;
}
