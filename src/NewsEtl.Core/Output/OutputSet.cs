using System.Text;
using System.Text.Json;
using CsvHelper;
using NewsEtl.Model;

namespace NewsEtl.Output;

/// <summary>
/// The five output files of a run, written record by record into temporary files and committed together:
/// articles.csv, articles.jsonl, repairs.jsonl, rejected.csv and run.json.
/// </summary>
public sealed class OutputSet : IAsyncDisposable
{
    public const string ArticlesCsv = "articles.csv";
    public const string ArticlesJsonl = "articles.jsonl";
    public const string RepairsJsonl = "repairs.jsonl";
    public const string RejectedCsv = "rejected.csv";
    public const string RunJson = "run.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly AtomicFile[] _files;
    private readonly StreamWriter _articlesCsvText;
    private readonly CsvWriter _articlesCsv;
    private readonly StreamWriter _articlesJsonl;
    private readonly StreamWriter _repairsJsonl;
    private readonly StreamWriter _rejectedCsvText;
    private readonly CsvWriter _rejectedCsv;
    private readonly AtomicFile _runJson;

    // Whether a writer may hold text in its buffer: bytes written past it to the file must wait until that is out.
    private bool _csvBuffered;
    private bool _jsonlBuffered;
    private bool _repairsBuffered;

    public OutputSet(string directory, OutputOptions options)
    {
        Directory.CreateDirectory(directory);
        var articlesCsv = new AtomicFile(Path.Combine(directory, ArticlesCsv));
        var articlesJsonl = new AtomicFile(Path.Combine(directory, ArticlesJsonl));
        var repairsJsonl = new AtomicFile(Path.Combine(directory, RepairsJsonl));
        var rejectedCsv = new AtomicFile(Path.Combine(directory, RejectedCsv));
        _runJson = new AtomicFile(Path.Combine(directory, RunJson));
        _files = [articlesCsv, articlesJsonl, repairsJsonl, rejectedCsv, _runJson];

        _articlesCsvText = Writer(articlesCsv);
        _articlesCsv = CsvWriter.Create(_articlesCsvText, CsvFormat.Writer(options.CsvInjectionProtection), true);
        _articlesCsv.WriteHeader(ArticleColumns.Header);
        _csvBuffered = true;
        _articlesJsonl = Writer(articlesJsonl);
        _repairsJsonl = Writer(repairsJsonl);
        _rejectedCsvText = Writer(rejectedCsv);
        _rejectedCsv = CsvWriter.Create(_rejectedCsvText, CsvFormat.Writer(options.CsvInjectionProtection), true);
        _rejectedCsv.WriteHeader(RejectionColumns.Header);
    }

    public void WriteArticle(ArticleRecord record)
    {
        _articlesCsv.WriteRecord(ArticleColumns.Fields(record));
        _csvBuffered = true;
        _articlesJsonl.Write(JsonSerializer.Serialize(record, Json.Lines));
        _articlesJsonl.Write('\n');
        _jsonlBuffered = true;
    }

    /// <summary>
    /// A record already rendered as UTF-8, written as it is: the JSON line in two parts around the value of
    /// <c>duplicate_of</c>, and the CSV row in two halves around that field. <paramref name="duplicateOf"/> must need
    /// no quoting or escaping (record ids do not).
    /// </summary>
    public void WriteArticleUtf8(ReadOnlySpan<byte> jsonHead, ReadOnlySpan<byte> jsonTail, ReadOnlySpan<byte> csvHead, ReadOnlySpan<byte> csvTail, string duplicateOf)
    {
        Span<byte> duplicate = stackalloc byte[Encoding.UTF8.GetMaxByteCount(duplicateOf.Length)];
        duplicate = duplicate[..Encoding.UTF8.GetBytes(duplicateOf, duplicate)];

        var csv = RawCsv();
        csv.Write(csvHead);
        csv.WriteByte((byte)',');
        csv.Write(duplicate);
        csv.WriteByte((byte)',');
        csv.Write(csvTail);

        var json = Raw(_articlesJsonl, ref _jsonlBuffered);
        json.Write(jsonHead);
        json.Write(duplicate);
        json.Write(jsonTail);
        json.WriteByte((byte)'\n');
    }

    public void WriteRepair(RepairEntry entry)
    {
        _repairsJsonl.Write(JsonSerializer.Serialize(entry, Json.Lines));
        _repairsJsonl.Write('\n');
        _repairsBuffered = true;
    }

    /// <summary>Repairs already serialized as JSON lines (as the run store keeps them).</summary>
    public void WriteRepairsJsonl(string lines)
    {
        _repairsJsonl.Write(lines);
        _repairsBuffered = true;
    }

    /// <summary>Repairs already serialized as UTF-8 JSON lines, written as they are.</summary>
    public void WriteRepairsJsonl(ReadOnlySpan<byte> lines)
    {
        if (!lines.IsEmpty)
        {
            Raw(_repairsJsonl, ref _repairsBuffered).Write(lines);
        }
    }

    public void WriteRejection(Rejection rejection)
    {
        _rejectedCsv.WriteRecord(RejectionColumns.Fields(rejection));
    }

    /// <summary>Writes the run report, then renames all five files into place.</summary>
    public async Task CommitAsync<TReport>(TReport report, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(_runJson.Stream, report, Json.Document, cancellationToken);
        await _runJson.Stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await _articlesCsv.DisposeAsync();
        await _rejectedCsv.DisposeAsync();
        foreach (var writer in new[] { _articlesCsvText, _articlesJsonl, _repairsJsonl, _rejectedCsvText })
        {
            await writer.FlushAsync(cancellationToken);
        }

        foreach (var file in _files)
        {
            await file.CommitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var file in _files)
        {
            await file.DisposeAsync();
        }
    }

    /// <summary>The articles.csv file, for bytes, once the CSV writer and its text writer have written out what they hold.</summary>
    private Stream RawCsv()
    {
        if (_csvBuffered)
        {
            _articlesCsv.Flush();
            _articlesCsvText.Flush();
            _csvBuffered = false;
        }

        return _articlesCsvText.BaseStream;
    }

    /// <summary>The file under <paramref name="writer"/>, for bytes, once the writer has written out what it holds.</summary>
    private static Stream Raw(StreamWriter writer, ref bool buffered)
    {
        if (buffered)
        {
            writer.Flush();
            buffered = false;
        }

        return writer.BaseStream;
    }

    private static StreamWriter Writer(AtomicFile file) => new(file.Stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
}
