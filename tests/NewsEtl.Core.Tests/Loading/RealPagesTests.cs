using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

/// <summary>Reads the real Jiemian captures in shared/jiemian-2019 where they exist; they are never copied into the repo.</summary>
public sealed class RealPagesTests
{
    [Fact]
    public void Decode_RealJiemianPages_AreUtf8WithoutDamage()
    {
        var folder = FindSharedPages();
        if (folder is null)
        {
            return; // not on this machine: nothing to check
        }

        var scanner = new InputScanner(new LoadOptions { Include = ["*.html"] });
        var items = scanner.Scan(folder).ToList();

        Assert.Equal(Directory.GetFiles(folder, "*.html").Length, items.Count);
        Assert.All(items, item =>
        {
            Assert.Null(item.Rejection);
            var page = PageDecoder.Decode(item.Input!);
            Assert.Equal("utf-8", page.Charset.Charset);
            Assert.Contains(page.Charset.Reason, new[] { "utf8-valid", "meta" });
            Assert.Equal(0, page.Charset.InvalidSequences);
            Assert.Contains("界面", page.Text, StringComparison.Ordinal);
        });
    }

    private static string? FindSharedPages() => NewsEtl.Core.Tests.Support.RepoPaths.SharedPages();
}
