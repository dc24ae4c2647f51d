using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsEtl.Fetching;

namespace NewsEtl.Bench;

/// <summary>
/// Fetches N pages from a real Kestrel site on 127.0.0.1 with the production fetcher (Polly pipeline, WARC archive),
/// and reports pages per second and memory. The site serves a Jiemian-style page of about 60 KB per path.
/// </summary>
public static class FetchBenchmark
{
    public static async Task<string> RunAsync(string root, int pages, int concurrency, TextWriter log)
    {
        var template = File.ReadAllText(Path.Combine(root, "tests", "NewsEtl.Core.Tests", "Extraction", "Fixtures", "jiemian-2021-staff.html"), Encoding.UTF8);
        var padding = string.Concat(Enumerable.Repeat("<p>界面新闻记者在现场看到，排队的人群从清晨一直延伸到中午，附近的商户也因此受益。</p>\n", 500));
        var body = Encoding.UTF8.GetBytes(template.Replace("</body>", padding + "</body>", StringComparison.Ordinal));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.Run(async context =>
        {
            if (context.Request.Path == "/robots.txt")
            {
                context.Response.StatusCode = 404;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        var port = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;

        var folder = Path.Combine(Path.GetTempPath(), "newsetl-fetchbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var urls = Enumerable.Range(0, pages).Select(i => new Uri($"http://127.0.0.1:{port}/article/{i}.html")).ToList();
            var options = new FetchOptions { Concurrency = concurrency, PerHostDelay = TimeSpan.Zero };
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var clock = Stopwatch.StartNew();
            int fetched = 0, failed = 0;
            long bytes = 0;
            await using (var archive = await WarcWriter.CreateAsync(WarcWriter.PathFor(folder, "bench")))
            {
                using var fetcher = new PageFetcher(options, archive: archive);
                await foreach (var result in fetcher.FetchAllAsync(urls))
                {
                    if (result.Input is { } input)
                    {
                        fetched++;
                        bytes += input.Bytes.Length;
                    }
                    else
                    {
                        failed++;
                    }
                }
            }

            clock.Stop();
            var process = Process.GetCurrentProcess();
            var warc = new FileInfo(WarcWriter.PathFor(folder, "bench")).Length;
            var sb = new StringBuilder();
            sb.AppendLine("# Fetch benchmark").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"`dotnet run -c Release --project bench/NewsEtl.Bench -- fetch {pages} {concurrency}`: the production fetcher against a Kestrel site on 127.0.0.1 in the same process (2 cores shared by both), WARC archive written.").AppendLine();
            sb.AppendLine("| measure | value |").AppendLine("|---|--:|");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| pages fetched / failed | {fetched} / {failed} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| concurrency | {concurrency} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| page size | {body.Length / 1024.0:F1} KB |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| wall time | {clock.Elapsed.TotalSeconds:F2} s |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| pages per second | {fetched / clock.Elapsed.TotalSeconds:F0} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| MB per second | {bytes / 1048576.0 / clock.Elapsed.TotalSeconds:F1} |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| WARC written | {warc / 1048576.0:F1} MB (gzip) |");
            sb.AppendLine(CultureInfo.InvariantCulture, $"| peak working set (process, before → after) | {before / 1048576} MB → {process.PeakWorkingSet64 / 1048576} MB |");
            var text = sb.ToString();
            log.Write(text);
            return text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
