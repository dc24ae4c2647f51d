using System.Text;
using System.Text.Json;

namespace NewsEtl.Output.Report;

/// <summary>Reads a JSON Lines file one line at a time, so memory holds one record however large the run.</summary>
internal static class JsonLines
{
    /// <summary>Calls <paramref name="onRecord"/> with each readable line's record and its 0-based line number; returns the count of unreadable lines.</summary>
    public static async Task<int> ReadAsync<T>(string path, Action<T, int> onRecord, CancellationToken cancellationToken)
        where T : class
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var malformed = 0;
        var number = -1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            T? record;
            try
            {
                record = JsonSerializer.Deserialize<T>(line, Json.Lines);
            }
            catch (JsonException)
            {
                record = null;
            }

            if (record is null)
            {
                malformed++;
                continue;
            }

            onRecord(record, number);
        }

        return malformed;
    }
}
