using System.Text.Json;
using NewsEtl.Pipeline;

namespace NewsEtl.Output.Report;

/// <summary>The parts of run.json the report shows; every part is optional so an older or partial file still reads.</summary>
internal sealed record RunFile
{
    public string? Tool { get; init; }

    public string? Version { get; init; }

    public RunCounts? Counts { get; init; }

    public ThisRunCounts? ThisRun { get; init; }

    public SortedDictionary<string, int>? RejectsByReason { get; init; }

    public SortedDictionary<string, int>? RepairsByKind { get; init; }

    public SortedDictionary<string, int>? Flags { get; init; }

    public SortedDictionary<string, int>? Charsets { get; init; }

    public SortedDictionary<string, int>? Extractors { get; init; }

    public SortedDictionary<string, long>? TimingsMs { get; init; }

    /// <summary>run.json of <paramref name="path"/>, or null (with a warning) when it is missing or unreadable.</summary>
    public static async Task<RunFile?> ReadAsync(string path, List<string> warnings, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            warnings.Add($"{OutputSet.RunJson} is missing: the counts are taken from the other files.");
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<RunFile>(stream, Json.Lines, cancellationToken);
        }
        catch (JsonException ex)
        {
            warnings.Add($"{OutputSet.RunJson} could not be read ({ex.Message}): the counts are taken from the other files.");
            return null;
        }
    }
}
