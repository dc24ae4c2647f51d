using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Repair;

namespace NewsEtl.Bench;

/// <summary>
/// What U+FFFD costs the repair stage: paragraphs with n replacement characters, flooded together and spread
/// through the text, repaired on one thread. The cost per U+FFFD should not grow with n.
/// </summary>
internal static class ReplacementCost
{
    public static void Run(TextWriter console)
    {
        var repairer = new TextRepairer();
        var clean = string.Concat(CleanCorpus.Simplified.Take(40));
        console.WriteLine("| layout  |     n | ms total | ms per U+FFFD |");
        console.WriteLine("|---------|------:|---------:|--------------:|");
        foreach (var n in new[] { 16, 64, 256, 1024, 4096, 16384 })
        {
            Measure("flood", clean[..200] + new string('\uFFFD', n) + clean[200..400], n, repairer, console);
            var spread = new StringBuilder();
            for (var k = 0; k < n; k++)
            {
                spread.Append(clean, (k * 3) % (clean.Length - 3), 3).Append('\uFFFD');
            }

            Measure("spread", spread.ToString(), n, repairer, console);
            var mixed = new StringBuilder();
            for (var k = 0; k < n; k++)
            {
                mixed.Append('\uFFFD').Append((char)('\u3041' + (k % 80))).Append('?');
            }

            Measure("mixed", mixed.ToString(), n, repairer, console);
            Measure("binary", RandomBytesAsUtf8(n), n, repairer, console);
        }
    }

    /// <summary>Random bytes decoded as UTF-8 (a binary file read as a page) up to n replacement characters.</summary>
    private static string RandomBytesAsUtf8(int n)
    {
        var bytes = new byte[n * 4];
        new Random(n).NextBytes(bytes);
        var text = Encoding.UTF8.GetString(bytes);
        var count = 0;
        var end = 0;
        while (end < text.Length && count < n)
        {
            count += text[end++] == '\uFFFD' ? 1 : 0;
        }

        return text[..end];
    }

    private static void Measure(string layout, string text, int n, TextRepairer repairer, TextWriter console)
    {
        var page = repairer.ForPage([text]);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        page.Repair(text);
        var ms = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {layout,-7} | {text.Count(c => c == '\uFFFD'),5} | {ms,8:F0} | {ms / n,13:F2} |"));
    }
}
