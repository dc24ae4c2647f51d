using System.Text;
using NewsEtl.Core.Tests.Fetching;

namespace NewsEtl.Cli.Tests;

/// <summary>`run --urls` and `fetch` against a real HTTP server on 127.0.0.1.</summary>
public sealed class FetchCommandTests
{
    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(CliProcess.RepoRoot(), "tests", "NewsEtl.Core.Tests", "Extraction", "Fixtures", name), Encoding.UTF8);

    private static async Task<TestSite> SiteAsync()
    {
        NewsEtl.Loading.Encodings.EnsureRegistered();
        var site = await TestSite.StartAsync();
        site.Map("/article/1.html", Respond.Html(Fixture("jiemian-2021-staff.html")));
        // A GBK page whose charset only the HTTP header names.
        site.Map("/article/2.html", Respond.Bytes(Encoding.GetEncoding(936).GetBytes(Fixture("jiemian-2021-reprint.html").Replace("charset=\"utf-8\"", string.Empty, StringComparison.OrdinalIgnoreCase)), "text/html; charset=gbk"));
        return site;
    }

    [Fact]
    public async Task RunUrls_DownloadsCleansAndReportsTheFailedUrl()
    {
        await using var site = await SiteAsync();
        using var temp = new TempDir();
        var urls = Path.Combine(temp.Root, "urls.txt");
        File.WriteAllLines(urls, ["# nightly list", site.Url("/article/1.html").ToString(), site.Url("/article/2.html").ToString(), site.Url("/gone.html").ToString()]);
        var output = Path.Combine(temp.Root, "out");

        var result = await CliProcess.RunAsync(["run", "--urls", urls, "-o", output, "--per-host-delay", "0", "--max-attempts", "1", "-q"]);

        Assert.Equal(1, result.ExitCode);
        var records = File.ReadAllLines(Path.Combine(output, "articles.jsonl"));
        Assert.Equal(2, records.Length);
        Assert.Contains(site.Url("/article/2.html").ToString(), records[1], StringComparison.Ordinal);
        var rejected = File.ReadAllText(Path.Combine(output, "rejected.csv"));
        Assert.Contains("/gone.html,fetch,", rejected, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(output, "raw"), "*.warc.gz"));

        // The archive replays offline: the same two pages come back from the WARC file.
        var offline = Path.Combine(temp.Root, "offline");
        var replay = await CliProcess.RunAsync(["run", "-i", Path.Combine(output, "raw"), "-o", offline, "-q"]);
        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(offline, "articles.jsonl")).Length);
    }

    [Fact]
    public async Task Fetch_OnlyDownloads_IntoAWarcAndListsFailures()
    {
        await using var site = await SiteAsync();
        using var temp = new TempDir();
        var output = Path.Combine(temp.Root, "out");

        var result = await CliProcess.RunAsync(["fetch", "--url", site.Url("/article/1.html").ToString(), "--url", site.Url("/nope.html").ToString(), "-o", output, "--per-host-delay", "0", "--max-attempts", "1", "-q"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 fetched", result.Stdout, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(output, "raw"), "*.warc.gz"));
        Assert.Contains("/nope.html", File.ReadAllText(Path.Combine(output, "fetch-rejected.csv")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "articles.csv")));
    }

    [Fact]
    public async Task RunUrls_Tomorrow_AsksIfChangedAndKeepsTheRecordOfAnUnchangedPage()
    {
        await using var site = await TestSite.StartAsync();
        var page = Encoding.UTF8.GetBytes(Fixture("jiemian-2021-staff.html"));
        site.Map("/article/1.html", async (context, _) =>
        {
            if (context.Request.Headers.IfNoneMatch == "\"v1\"")
            {
                context.Response.StatusCode = 304;
                return;
            }

            context.Response.Headers.ETag = "\"v1\"";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.Body.WriteAsync(page);
        });
        using var temp = new TempDir();
        var output = Path.Combine(temp.Root, "out");
        string[] args = ["run", "--url", site.Url("/article/1.html").ToString(), "-o", output, "--per-host-delay", "0", "-q"];

        Assert.Equal(0, (await CliProcess.RunAsync(args)).ExitCode);
        var first = File.ReadAllText(Path.Combine(output, "articles.jsonl"));
        Assert.Equal(0, (await CliProcess.RunAsync(args)).ExitCode);

        Assert.Contains(site.Requests, r => r.Path == "/article/1.html" && r.IfNoneMatch == "\"v1\"");
        Assert.Equal(first, File.ReadAllText(Path.Combine(output, "articles.jsonl")));
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "run.json")));
        Assert.Equal(1, report.RootElement.GetProperty("this_run").GetProperty("unchanged").GetInt32());
    }
}
