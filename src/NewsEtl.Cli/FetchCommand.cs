using System.Globalization;
using NewsEtl.Fetching;
using NewsEtl.Model;
using NewsEtl.Output;

namespace NewsEtl.Cli;

/// <summary>`newsetl fetch`: downloads the URLs into output/raw/fetch-*.warc.gz and lists failures in output/fetch-rejected.csv.</summary>
public static class FetchCommand
{
    public static async Task<int> RunAsync(CliOptions cli, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (options, errors) = RunCommand.ToRunOptions(cli);
        if (options.Urls.Count == 0)
        {
            errors.Add("fetch needs URLs: give --urls FILE (one URL per line, # comments) or --url URL.");
        }

        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                stderr.WriteLine("newsetl: " + error);
            }

            return ExitCodes.BadArguments;
        }

        var rejections = new List<Rejection>();
        int fetched = 0, unchanged = 0;
        try
        {
            Directory.CreateDirectory(options.Output);
            var name = "fetch-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
            await using (var archive = await WarcWriter.CreateAsync(WarcWriter.PathFor(options.Output, name), cancellationToken: cancellationToken))
            {
                using var store = NewsEtl.State.RunStore.Open(options.EffectiveStatePath);
                using var fetcher = new PageFetcher(options.Fetch, cache: new NewsEtl.State.StoreFetchCache(store), archive: archive);
                await foreach (var result in fetcher.FetchAllAsync(options.Urls, cancellationToken))
                {
                    fetched += result.Status == FetchStatus.Fetched ? 1 : 0;
                    unchanged += result.NotModified ? 1 : 0;
                    if (result.Rejection is { } rejection)
                    {
                        rejections.Add(rejection);
                        if (!cli.Quiet)
                        {
                            stderr.WriteLine($"newsetl: {rejection.Source}: {rejection.Reason}");
                        }
                    }
                }
            }

            await RejectionFile.WriteAsync(Path.Combine(options.Output, "fetch-rejected.csv"), rejections, !cli.NoCsvInjectionProtection, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("newsetl: fetch cancelled; pages fetched so far are in output/raw");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"newsetl: the fetch could not complete: {ex.Message}");
            return ExitCodes.RunFailed;
        }

        stdout.WriteLine($"{options.Urls.Count} URLs: {fetched} fetched, {unchanged} not modified, {rejections.Count} rejected");
        return rejections.Any(r => r.IsFailure) ? ExitCodes.SomeInputsFailed : ExitCodes.Success;
    }
}
