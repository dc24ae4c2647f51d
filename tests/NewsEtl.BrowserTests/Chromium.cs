using System.Diagnostics;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>
/// Headless Chromium driven through its command line (no WebDriver): the DOM after the page's scripts ran, and screenshots.
/// Debian's package installs it at /usr/bin/chromium; CI installs it before the tests run.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>Fails (never skips) when Chromium is missing, saying how to install it.</summary>
    public static void RequireInstalled()
    {
        Assert.True(
            File.Exists(Executable),
            $"{Executable} not found: the report's browser tests need headless Chromium. Install it with "
            + "`apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk` (.ci/run does this on CI).");
    }

    /// <summary>The serialized DOM of <paramref name="htmlPath"/> (opened as a file: URL plus <paramref name="fragment"/>) after its scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string htmlPath, string fragment = "")
    {
        var (output, _) = await RunAsync(["--dump-dom", Url(htmlPath) + fragment]);
        Assert.Contains("</html>", output, StringComparison.Ordinal);
        return output;
    }

    /// <summary>Saves a PNG of the top <paramref name="height"/> pixels of the page at <paramref name="width"/> pixels wide.</summary>
    public static async Task ScreenshotAsync(string htmlPath, string pngPath, int width, int height)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(pngPath))!);
        File.Delete(pngPath);
        var (_, errors) = await RunAsync([$"--screenshot={Path.GetFullPath(pngPath)}", $"--window-size={width},{height}", "--hide-scrollbars", Url(htmlPath)]);
        Assert.True(File.Exists(pngPath), $"Chromium wrote no screenshot to {pngPath}:\n{errors}");
    }

    private static string Url(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    private static async Task<(string Output, string Errors)> RunAsync(IEnumerable<string> arguments)
    {
        RequireInstalled();
        // A fresh profile per call: no state, extension or cache carries over between runs.
        var profile = Path.Combine(Path.GetTempPath(), "newsetl-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}",
        }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s: {string.Join(' ', start.ArgumentList)}");
            }

            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}:\n{await errors}");
            return (await output, await errors);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be closing files in its profile; a leftover temp folder is harmless.
            }
        }
    }
}
