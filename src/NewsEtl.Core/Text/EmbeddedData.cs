using System.Reflection;

namespace NewsEtl.Text;

/// <summary>Reads the tables embedded in this assembly (see tools/lexicon for where they come from).</summary>
internal static class EmbeddedData
{
    public static Stream Open(string name)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        return assembly.GetManifestResourceStream("NewsEtl.Text.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data '{name}' is missing from {assembly.GetName().Name}; rebuild the project.");
    }

    public static IEnumerable<string> Lines(string name)
    {
        var assembly = typeof(EmbeddedData).Assembly;
        using var stream = assembly.GetManifestResourceStream("NewsEtl.Text.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data '{name}' is missing from {assembly.GetName().Name}; rebuild the project.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }
}
