using System.Diagnostics;
using System.Text;

namespace NewsEtl.Cli.Tests;

/// <summary>Runs the real command-line tool (newsetl.dll, built beside the tests) as a child process.</summary>
public static class CliProcess
{
    public static string ToolPath => Path.Combine(AppContext.BaseDirectory, "newsetl.dll");

    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsEtl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NewsEtl.sln not found above the test binaries.");
    }

    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? RepoRoot(),
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>Runs `dotnet newsetl.dll args...` to the end (bounded by <paramref name="timeout"/>).</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, TimeSpan? timeout = null)
    {
        return await RunProcessAsync(StartInfo("dotnet", new[] { ToolPath }.Concat(args)), timeout ?? TimeSpan.FromMinutes(6));
    }

    public static async Task<CliResult> RunProcessAsync(ProcessStartInfo info, TimeSpan timeout)
    {
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{info.FileName} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

public sealed record CliResult(int ExitCode, string Stdout, string Stderr);
