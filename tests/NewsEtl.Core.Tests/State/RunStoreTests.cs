using Microsoft.Data.Sqlite;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.State;

namespace NewsEtl.Core.Tests.State;

public sealed class RunStoreTests
{
    private static ArticleRecord Record(string source, string sha, string body = "正文") => new()
    {
        Id = "id-" + source,
        Source = source,
        Title = "標題 " + source,
        Body = body,
        Paragraphs = [body],
        ContentHash = "hash-" + body,
        RawSha256 = sha,
    };

    private static RepairEntry Repair(string source) => new("id-" + source, source, "repair", "pinyin-note", "body", 0, 3, "(lián)", string.Empty, 1);

    [Fact]
    public void Store_SavedRecord_IsFoundByItsBytesAndReadBackWithItsRepairsAndFingerprint()
    {
        using var folder = new ScratchFolder();
        var path = folder.PathOf("state.db");
        using (var store = RunStore.Open(path))
        {
            var run = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
            store.SaveRecord(run, "b.txt", Record("b.txt", "sha-b"), [Repair("b.txt")], new IndexedArticle("id-b.txt", "hash-正文", [1u, 2u, 3u], 7), "test-scheme");
            store.SaveRejection(run, new Rejection("a.txt", "extract", "no article body", IsFailure: false), "sha-a");
        }

        using var reopened = RunStore.Open(path);
        Assert.Equal(new StoredInputState("sha-b", false), reopened.Find("b.txt"));
        Assert.Null(reopened.Find("c.txt"));
        var all = reopened.ReadAll().ToList();
        Assert.Equal(["a.txt", "b.txt"], all.Select(o => o.Source));
        Assert.Equal("no article body", all[0].Rejection!.Reason);
        Assert.Equal("標題 b.txt", all[1].Record!.Title);
        Assert.Equal([1u, 2u, 3u], all[1].Fingerprint!.Signature);
        Assert.Contains("(lián)", all[1].RepairsJsonl, StringComparison.Ordinal);
        Assert.Equal(1, all[1].RepairKinds["pinyin-note"]);
    }

    [Fact]
    public void Store_SameSourceSavedAgain_ReplacesTheEarlierOutcome()
    {
        using var store = RunStore.Open(":memory:");
        var first = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
        store.SaveRecord(first, "a.txt", Record("a.txt", "old"), [], null, "test-scheme");
        var second = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
        store.SaveRejection(second, new Rejection("a.txt", "load", "cannot read file", IsFailure: true), "new");

        var only = Assert.Single(store.ReadAll());
        Assert.Null(only.Record);
        Assert.Equal(new StoredInputState("new", true), store.Find("a.txt"));
        Assert.Single(store.ReadAll(onlyRun: second));
        Assert.Empty(store.ReadAll(onlyRun: first));
    }

    [Fact]
    public void Prune_ForgetsInputsNotSeenInTheRun()
    {
        using var store = RunStore.Open(":memory:");
        var first = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
        store.SaveRecord(first, "kept.txt", Record("kept.txt", "1"), [], null, "test-scheme");
        store.SaveRecord(first, "gone.txt", Record("gone.txt", "2"), [], null, "test-scheme");
        var second = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
        store.MarkSeen(second, "kept.txt");

        Assert.Equal(1, store.Prune(second));
        Assert.Equal("kept.txt", Assert.Single(store.ReadAll()).Source);
    }

    [Fact]
    public void ImportFrom_CopiesAnotherStoresInputs()
    {
        using var folder = new ScratchFolder();
        var shard = folder.PathOf("shard.db");
        using (var other = RunStore.Open(shard))
        {
            var run = other.BeginRun("{}", DateTimeOffset.UnixEpoch);
            other.SaveRecord(run, "x.txt", Record("x.txt", "x"), [Repair("x.txt")], null, "test-scheme");
        }

        using var target = RunStore.Open(folder.PathOf("target.db"));
        var merge = target.BeginRun("{}", DateTimeOffset.UnixEpoch);

        Assert.Equal(1, target.ImportFrom(shard, merge));
        Assert.Equal("x.txt", Assert.Single(target.ReadAll()).Source);
    }

    [Fact]
    public void SaveRecord_KeepsTheFingerprintSchemeAndTheWrittenForm()
    {
        using var store = RunStore.Open(":memory:");
        Assert.False(store.HasInputs());
        var run = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
        store.SaveRecord(run, "a.txt", Record("a.txt", "sha") with { Extractor = "jiemian", Flags = "unrepaired-span" }, [], new IndexedArticle("id-a.txt", "hash-正文", [4u], 1), "test-scheme");

        Assert.True(store.HasInputs());
        var article = Assert.Single(store.ReadAll()).Article!;
        Assert.Equal("test-scheme", article.FingerprintScheme);
        Assert.Equal(("id-a.txt", "jiemian", "unrepaired-span"), (article.Id, article.Extractor, article.Flags));
        Assert.NotNull(article.Csv);
        Assert.StartsWith("id-a.txt,a.txt,", System.Text.Encoding.UTF8.GetString(article.Csv.Head), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StoreOfSchema2_AddsTheNewColumnsAndReadsItsRecordsFromTheirJson()
    {
        using var folder = new ScratchFolder();
        var path = folder.PathOf("old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE runs (run INTEGER PRIMARY KEY AUTOINCREMENT, started_at TEXT NOT NULL, finished_at TEXT, options TEXT NOT NULL, counts TEXT);
                CREATE TABLE fetch_cache (url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT);
                CREATE TABLE inputs (
                    source TEXT PRIMARY KEY, raw_sha256 TEXT, run INTEGER NOT NULL, seen_run INTEGER NOT NULL,
                    record TEXT, repairs TEXT NOT NULL DEFAULT '', repair_kinds TEXT, content_hash TEXT, signature BLOB, shingles INTEGER, scheme TEXT,
                    stage TEXT, reason TEXT, is_failure INTEGER NOT NULL DEFAULT 0);
                INSERT INTO meta VALUES ('schema', '2');
                INSERT INTO inputs (source, raw_sha256, run, seen_run, record, repairs, repair_kinds, content_hash)
                    VALUES ('a.txt', 'sha-a', 1, 1, '{"id":"id-a","source":"a.txt","title":"標題","body":"正文","paragraphs":["正文"],"extractor":"jiemian-text","flags":"x;y","content_hash":"h","raw_sha256":"sha-a"}', '', '{}', 'h');
                """;
            command.ExecuteNonQuery();
        }

        using (var store = RunStore.Open(path))
        {
            var article = Assert.Single(store.ReadAll()).Article!;
            Assert.Null(article.Csv);
            Assert.Equal(("id-a", "jiemian-text", "x;y"), (article.Id, article.Extractor, article.Flags));
            Assert.Equal("標題", article.ToRecord().Title);
            var run = store.BeginRun("{}", DateTimeOffset.UnixEpoch);
            store.SaveRecord(run, "b.txt", Record("b.txt", "sha-b"), [], null, "test-scheme");
        }

        using var reopened = RunStore.Open(path);
        Assert.Equal([null, "test-scheme"], reopened.ReadAll().Select(o => o.FingerprintScheme));
    }
}
