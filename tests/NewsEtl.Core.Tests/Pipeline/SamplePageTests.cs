using System.Text.Json;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Output;
using NewsEtl.Pipeline;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>The sample page (input/) through the whole pipeline: the record the brief specifies, pinned by golden files.</summary>
public sealed class SamplePageTests : IClassFixture<SamplePageTests.SampleRun>
{
    private readonly SampleRun _run;

    public SamplePageTests(SampleRun run) => _run = run;

    [Fact]
    public void Run_SamplePage_YieldsExactlyOneRecordAndNoRejection()
    {
        Assert.Single(_run.Articles);
        Assert.Equal(1, _run.Summary.Report.Counts.Records);
        Assert.Equal(0, _run.Summary.Report.Counts.Rejected);
    }

    [Fact]
    public void Run_SamplePage_ExtractsHeaderFieldsOfTheReprint()
    {
        var record = _run.Articles[0];
        Assert.Equal("Kimi楊植麟該為“重投放”反思嗎?", record.GetProperty("title").GetString());
        Assert.Equal("Kimi原本驗證的市場規律被撕裂了。", record.GetProperty("subtitle").GetString());
        Assert.Equal("市象", record.GetProperty("outlet").GetString());
        Assert.Equal("文昌龍", record.GetProperty("author").GetString());
        Assert.Equal("楊舟", record.GetProperty("editor").GetString());
        Assert.True(record.GetProperty("is_reprint").GetBoolean());
        Assert.Equal("zh-Hant", record.GetProperty("script").GetString());
    }

    [Fact]
    public void Run_SamplePage_BodyIsTheArticleOnceWithoutBoilerplateNotesOrGarbling()
    {
        var paragraphs = _run.Articles[0].GetProperty("paragraphs").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Equal(42, paragraphs.Count);
        Assert.StartsWith("“沒有人提楊植麟了", paragraphs[0], StringComparison.Ordinal);
        Assert.EndsWith("行業趨勢已不可逆轉。", paragraphs[^1], StringComparison.Ordinal);
        Assert.Contains("01 Kimi“重投放”,楊植麟“背鍋”", paragraphs);
        Assert.Contains("02 Kimi要反思什么?", paragraphs);
        var body = string.Join("\n", paragraphs);
        foreach (var leftover in new[] { "?!", "?/p>", "</p>", "(lián)", "(chǎn)", "掃一掃", "評論", "微信公眾號", "本文為轉載" })
        {
            Assert.DoesNotContain(leftover, body, StringComparison.Ordinal);
        }

        Assert.DoesNotMatch(@"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", body);
        Assert.Contains("王道。”", body, StringComparison.Ordinal);
        Assert.Contains("難題。”看似怪誕", body, StringComparison.Ordinal);
        Assert.Contains("就更多。”", body, StringComparison.Ordinal);
        Assert.Contains("看月亮時,", body, StringComparison.Ordinal);
        Assert.Contains("(尤其是在普通用戶眼中)", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SamplePage_ListsEveryChangeInRepairs()
    {
        var kinds = _run.Repairs.GroupBy(r => r.GetProperty("kind").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(kinds["pinyin-note"] >= 330, $"{kinds["pinyin-note"]} pinyin notes removed");
        Assert.Contains("gbk-out-of-step", kinds.Keys);
        Assert.Contains("note-inside-character", kinds.Keys);
        Assert.Contains("duplicate-block", kinds.Keys);
        Assert.Equal(_run.Repairs.Count, _run.Articles[0].GetProperty("repair_count").GetInt32());
    }

    [Fact]
    public void Run_SamplePage_MatchesGoldenFiles()
    {
        Golden.AssertMatches("sample-page/articles.jsonl", _run.Read(OutputSet.ArticlesJsonl));
        Golden.AssertMatches("sample-page/articles.csv", _run.Read(OutputSet.ArticlesCsv));
        Golden.AssertMatches("sample-page/repairs.jsonl", _run.Read(OutputSet.RepairsJsonl));
        Golden.AssertMatches("sample-page/rejected.csv", _run.Read(OutputSet.RejectedCsv));
    }

    /// <summary>One run of the sample input shared by the tests above.</summary>
    public sealed class SampleRun : IDisposable
    {
        private readonly ScratchFolder _folder = new();

        public SampleRun()
        {
            var input = Path.Combine(RepoPaths.Root(), "input");
            var options = new RunOptions { Input = input, Output = _folder.Root, Parallelism = 2 };
            Summary = new NewsEtlRunner(options).RunAsync(null, CancellationToken.None).GetAwaiter().GetResult();
            Articles = Lines(OutputSet.ArticlesJsonl);
            Repairs = Lines(OutputSet.RepairsJsonl);
        }

        public RunSummary Summary { get; }

        public IReadOnlyList<JsonElement> Articles { get; }

        public IReadOnlyList<JsonElement> Repairs { get; }

        public string Read(string name) => File.ReadAllText(Path.Combine(_folder.Root, name));

        public void Dispose() => _folder.Dispose();

        private List<JsonElement> Lines(string name) =>
            Read(name).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }
}
