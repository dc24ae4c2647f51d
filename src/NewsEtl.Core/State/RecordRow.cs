using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using CsvHelper;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.Output;

namespace NewsEtl.State;

/// <summary>
/// A record as the run store keeps it, serialized where the record was made (a worker thread), so saving it is
/// one insert and writing it out is copying text: the JSON line without <c>duplicate_of</c>, the CSV row in two
/// halves around that column, and what the run report counts.
/// </summary>
public sealed class RecordRow
{
    /// <summary>The index of <c>duplicate_of</c> in <see cref="ArticleColumns.Header"/>.</summary>
    internal const int DuplicateColumn = 19;

    private RecordRow(ArticleRecord record)
    {
        Id = record.Id;
        RawSha256 = record.RawSha256;
        ContentHash = record.ContentHash;
        Extractor = record.Extractor;
        Flags = record.Flags;
    }

    public string Id { get; }

    public string RawSha256 { get; }

    public string ContentHash { get; }

    public string Extractor { get; }

    public string Flags { get; }

    /// <summary>The articles.jsonl line (UTF-8, no line end) with an empty <c>duplicate_of</c>.</summary>
    public required byte[] Json { get; init; }

    /// <summary>repairs.jsonl lines (UTF-8), each ending in '\n'.</summary>
    public required byte[] RepairsJsonl { get; init; }

    public required string RepairKindsJson { get; init; }

    public required CsvRowHalves Csv { get; init; }

    public byte[]? Signature { get; init; }

    public int ShingleCount { get; init; }

    public required string Scheme { get; init; }

    public static RecordRow Create(
        ArticleRecord record, IReadOnlyList<RepairEntry> repairs, IndexedArticle? fingerprint, string scheme, bool csvInjectionProtection)
    {
        var stored = record.DuplicateOf.Length == 0 ? record : record with { DuplicateOf = string.Empty };
        return new RecordRow(record)
        {
            Json = JsonSerializer.SerializeToUtf8Bytes(stored, Output.Json.Lines),
            RepairsJsonl = RepairsText(repairs),
            RepairKindsJson = KindsJson(repairs),
            Csv = CsvRowHalves.Create(ArticleColumns.Fields(stored), csvInjectionProtection),
            Signature = fingerprint is null ? null : MemoryMarshal.AsBytes(fingerprint.Signature.AsSpan()).ToArray(),
            ShingleCount = fingerprint?.ShingleCount ?? 0,
            Scheme = scheme,
        };
    }

    private static byte[] RepairsText(IReadOnlyList<RepairEntry> repairs)
    {
        if (repairs.Count == 0)
        {
            return [];
        }

        using var lines = new MemoryStream(repairs.Count * 256);
        foreach (var repair in repairs)
        {
            JsonSerializer.Serialize(lines, repair, Output.Json.Lines);
            lines.WriteByte((byte)'\n');
        }

        return lines.ToArray();
    }

    private static string KindsJson(IReadOnlyList<RepairEntry> repairs)
    {
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var repair in repairs)
        {
            kinds[repair.Kind] = kinds.GetValueOrDefault(repair.Kind) + 1;
        }

        return JsonSerializer.Serialize(kinds, Output.Json.Lines);
    }
}

/// <summary>
/// An articles.csv row rendered (UTF-8) without its <c>duplicate_of</c> field: <see cref="Head"/> holds the fields before
/// it (without the separator after them) and <see cref="Tail"/> the fields after it with the line end.
/// </summary>
/// <param name="InjectionProtection">Whether the fields were written with CSV injection protection.</param>
public sealed record CsvRowHalves(byte[] Head, byte[] Tail, bool InjectionProtection)
{
    public static CsvRowHalves Create(string[] fields, bool injectionProtection) => new(
        Render(fields.AsSpan(0, RecordRow.DuplicateColumn), injectionProtection, trimLineEnd: true),
        Render(fields.AsSpan(RecordRow.DuplicateColumn + 1), injectionProtection, trimLineEnd: false),
        injectionProtection);

    /// <summary>
    /// Whether a value can be put between the halves (and into JSON) as it is: it needs no quoting, escaping or
    /// injection handling. Record ids always can.
    /// </summary>
    public static bool IsPlainField(string value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (!char.IsAsciiLetterOrDigit(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The whole row as text with <paramref name="duplicateOf"/> in its column (a plain field).</summary>
    public string RowText(string duplicateOf) =>
        string.Concat(Encoding.UTF8.GetString(Head), ",", duplicateOf, ",", Encoding.UTF8.GetString(Tail));

    private static byte[] Render(ReadOnlySpan<string> fields, bool injectionProtection, bool trimLineEnd)
    {
        // Made at about its final size (the fields' UTF-8, quotes doubled, separators): a row is tens of kilobytes, and a
        // stream grown from empty would leave each of its halvings behind.
        var size = 16;
        foreach (var field in fields)
        {
            size += Encoding.UTF8.GetByteCount(field) + field.AsSpan().Count('"') + 4;
        }

        using var bytes = new MemoryStream(size);
        using (var csv = CsvWriter.Create(bytes, CsvFormat.Writer(injectionProtection), true))
        {
            csv.WriteRecord(fields);
        }

        var row = bytes.ToArray();
        return trimLineEnd && row.AsSpan().EndsWith("\r\n"u8) ? row[..^2] : row;
    }
}
