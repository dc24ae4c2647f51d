using System.Text;
using System.Text.Json;
using CsvHelper;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.Output;
using NewsEtl.State;

namespace NewsEtl.Core.Tests.State;

public sealed class RecordRowTests
{
    private static ArticleRecord Record(string body) => new()
    {
        Id = "0123456789abcdef",
        Source = "a/b,\"c\".html",
        Title = "=HYPERLINK(\"x\")",
        Subtitle = "-1",
        Author = "@某",
        Body = body,
        Paragraphs = body.Split("\n\n"),
        ParagraphCount = 2,
        CharCount = body.Length,
        IsReprint = true,
        ContentHash = "hash",
        RawSha256 = "sha",
        RepairCount = 3,
        Flags = "unrepaired-span",
        Extractor = "jiemian",
        Tags = "+tag;\ttab",
        Images = [new ArticleImage("https://img/1.jpg", "說明 \"引號\"")],
    };

    private static string FullCsvRow(ArticleRecord record, bool injectionProtection)
    {
        using var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, CsvFormat.Writer(injectionProtection), true))
        {
            csv.WriteRecord(ArticleColumns.Fields(record));
        }

        return text.ToString();
    }

    [Theory]
    [InlineData(true, "")]
    [InlineData(true, "fedcba9876543210")]
    [InlineData(false, "")]
    [InlineData(false, "fedcba9876543210")]
    public void Row_WithDuplicateOf_IsTheRowTheCsvWriterWritesForTheWholeRecord(bool injectionProtection, string duplicateOf)
    {
        var record = Record("第一段, 含\"引號\"\r\n與換行\n\n=第二段");
        var halves = RecordRow.Create(record, [], null, "scheme", injectionProtection).Csv;

        Assert.Equal(FullCsvRow(record with { DuplicateOf = duplicateOf }, injectionProtection), halves.RowText(duplicateOf));
    }

    [Fact]
    public void IsPlainField_ValuesThatWouldNeedQuotingOrProtection_AreNot()
    {
        Assert.True(CsvRowHalves.IsPlainField("0123456789abcdef"));
        Assert.True(CsvRowHalves.IsPlainField("id-b.txt"));
        Assert.False(CsvRowHalves.IsPlainField("=id"));
        Assert.False(CsvRowHalves.IsPlainField("-1"));
        Assert.False(CsvRowHalves.IsPlainField("a,b"));
        Assert.False(CsvRowHalves.IsPlainField("a\"b"));
        Assert.False(CsvRowHalves.IsPlainField("正文"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("fedcba9876543210")]
    public void JsonText_DuplicateOf_IsTheSerializedRecordWithThatValue(string duplicateOf)
    {
        // A body that quotes the property name must not be mistaken for it.
        var record = Record("引文 \"duplicate_of\":\"\" 在正文\n\n第二段") with { DuplicateOf = "stale" };
        var row = RecordRow.Create(record, [], null, "scheme", true);
        var stored = new StoredArticle(row.Id, row.Extractor, row.Flags, row.Json, row.Csv, row.RepairsJsonl, new IndexedArticle(row.Id, row.ContentHash, [], 0), row.Scheme, new Dictionary<string, int>());

        Assert.Equal(JsonSerializer.Serialize(record with { DuplicateOf = duplicateOf }, Json.Lines), stored.JsonText(duplicateOf));
    }

    [Fact]
    public void Create_Repairs_BecomeJsonLinesAndSortedCountsByKind()
    {
        RepairEntry Repair(string kind) => new("id", "src", "repair", kind, "body", 0, 1, "a", "b", 1);
        var row = RecordRow.Create(Record("正文"), [Repair("z-kind"), Repair("a-kind"), Repair("z-kind")], null, "scheme", true);

        Assert.Equal("{\"a-kind\":1,\"z-kind\":2}", row.RepairKindsJson);
        var lines = Encoding.UTF8.GetString(row.RepairsJsonl).Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal("z-kind", JsonSerializer.Deserialize<RepairEntry>(lines[0], Json.Lines)!.Kind);
    }

    [Fact]
    public async Task WriteArticleUtf8_BetweenRecordsWrittenByTheWriters_GivesTheFilesTheWritersWouldWrite()
    {
        using var folder = new ScratchFolder();
        var records = new[]
        {
            Record("第一篇\n\n正文") with { Id = "aaaaaaaaaaaaaaaa" },
            Record("第二篇, \"引號\"\n\n正文") with { Id = "bbbbbbbbbbbbbbbb", DuplicateOf = "aaaaaaaaaaaaaaaa" },
            Record("第三篇\n\n=正文") with { Id = "cccccccccccccccc" },
            Record("第四篇\n\n正文") with { Id = "dddddddddddddddd" },
        };
        RepairEntry Repair(string id) => new(id, "src", "repair", "pinyin-note", "body", 0, 1, "(lián)", string.Empty, 1);

        await using (var expected = new OutputSet(folder.PathOf("expected"), new OutputOptions()))
        {
            foreach (var record in records)
            {
                expected.WriteArticle(record);
                expected.WriteRepair(Repair(record.Id));
            }

            await expected.CommitAsync(new { run = 1 }, CancellationToken.None);
        }

        await using (var mixed = new OutputSet(folder.PathOf("mixed"), new OutputOptions()))
        {
            for (var i = 0; i < records.Length; i++)
            {
                if (i % 3 == 0)
                {
                    mixed.WriteArticle(records[i]);
                    mixed.WriteRepair(Repair(records[i].Id));
                    continue;
                }

                var row = RecordRow.Create(records[i], [Repair(records[i].Id)], null, "scheme", true);
                var article = new StoredArticle(row.Id, row.Extractor, row.Flags, row.Json, row.Csv, row.RepairsJsonl, new IndexedArticle(row.Id, row.ContentHash, [], 0), row.Scheme, new Dictionary<string, int>());
                var at = article.DuplicateOfAt();
                mixed.WriteArticleUtf8(row.Json.AsSpan(0, at), row.Json.AsSpan(at), row.Csv.Head, row.Csv.Tail, records[i].DuplicateOf);
                mixed.WriteRepairsJsonl(row.RepairsJsonl);
            }

            await mixed.CommitAsync(new { run = 1 }, CancellationToken.None);
        }

        foreach (var file in new[] { OutputSet.ArticlesCsv, OutputSet.ArticlesJsonl, OutputSet.RepairsJsonl })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(folder.PathOf("expected"), file)), File.ReadAllBytes(Path.Combine(folder.PathOf("mixed"), file)));
        }
    }
}
