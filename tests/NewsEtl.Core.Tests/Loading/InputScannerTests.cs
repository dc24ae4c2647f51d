using NewsEtl.Core.Tests.Loading.Support;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class InputScannerTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<LoadItem> Scan(LoadOptions? options = null) => [.. new InputScanner(options).Scan(folder.Root)];

    [Fact]
    public void Scan_NestedFolders_YieldsOrdinalOrderOfRelativePaths()
    {
        foreach (var name in new[] { "b.html", "a/z.txt", "a.txt", "A.html", "a/b/c.htm", "a-b.txt" })
        {
            folder.Write(name, "<p>界面</p>");
        }

        var first = Scan().Select(i => i.Source).ToList();
        var second = Scan().Select(i => i.Source).ToList();

        // '-' < '.' < '/' in ordinal order, so "a.txt" comes before the files inside "a/".
        Assert.Equal(["A.html", "a-b.txt", "a.txt", "a/b/c.htm", "a/z.txt", "b.html"], first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Scan_BrowserSavedPage_TakesUrlFromSavedFromComment()
    {
        folder.Write("saved.html", "<!DOCTYPE html>\r\n<!-- saved from url=(0044)https://www.jiemian.com/article/3101780.html -->\r\n<html></html>");

        var input = Assert.Single(Scan()).Input!;

        Assert.Equal("https://www.jiemian.com/article/3101780.html", input.Url);
        Assert.Equal("text/html", input.MediaType);
        Assert.Null(input.HeaderCharset);
    }

    [Theory]
    [InlineData("page.HTM", "text/html")]
    [InlineData("page.shtml", "text/html")]
    [InlineData("page.xhtml", "text/html")]
    [InlineData("article.txt", "text/plain")]
    public void Scan_SupportedExtension_GivesMediaType(string name, string mediaType)
    {
        folder.Write(name, "text");

        var input = Assert.Single(Scan()).Input!;

        Assert.Equal(name, input.Source);
        Assert.Equal(mediaType, input.MediaType);
        Assert.Equal("text"u8.ToArray(), input.Bytes.ToArray());
    }

    [Fact]
    public void Scan_EmptyFile_IsRejectedAsEmpty()
    {
        folder.Write("empty.html", []);

        var rejection = Assert.Single(Scan()).Rejection!;

        Assert.Equal(new("empty.html", "load", "empty file", false), rejection);
    }

    [Theory]
    [InlineData("report.PDF", "unsupported file type '.pdf'")]
    [InlineData("README", "unsupported file type (no extension)")]
    public void Scan_UnsupportedFile_IsRejectedNotDropped(string name, string reason)
    {
        folder.Write(name, "data");

        var rejection = Assert.Single(Scan()).Rejection!;

        Assert.Equal(new(name, "load", reason, false), rejection);
    }

    [Fact]
    public void Scan_IncludeAndExclude_FilterAndCountTheRest()
    {
        folder.Write("news/a.html", "a");
        folder.Write("news/drafts/b.html", "b");
        folder.Write("news/c.txt", "c");
        folder.Write("other/d.html", "d");
        var scanner = new InputScanner(new LoadOptions { Include = ["news/**"], Exclude = ["**/drafts/**", "*.txt"] });

        var sources = scanner.Scan(folder.Root).Select(i => i.Source).ToList();

        Assert.Equal(["news/a.html"], sources);
        Assert.Equal(3, scanner.Excluded);
    }

    [Fact]
    public async Task Scan_SymlinkLoop_FinishesAndReportsTheLink()
    {
        folder.Write("a/page.html", "x");
        Directory.CreateSymbolicLink(folder.PathOf("a/loop"), folder.PathOf("a"));
        Directory.CreateSymbolicLink(folder.PathOf("up"), folder.Root);

        var items = await Task.Run(() => Scan()).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(["a/loop", "a/page.html", "up"], items.Select(i => i.Source));
        Assert.Equal("symbolic link to a folder, not followed", items[0].Rejection!.Reason);
        Assert.False(items[0].Rejection!.IsFailure);
    }

    [Fact]
    public void Scan_SavedPageFilesFolder_SkipsItsAssetsAndCountsThem()
    {
        folder.Write("Article.html", "<p>page</p>");
        folder.Write("Article_files/style.css", "body{}");
        folder.Write("Article_files/img/photo.jpg", [1, 2, 3]);
        folder.Write("Article_files/ad.html", "<p>ad</p>");
        folder.Write("Lonely_files/note.txt", "not an asset: no Lonely.html next to it");
        var scanner = new InputScanner();

        var sources = scanner.Scan(folder.Root).Select(i => i.Source).ToList();

        Assert.Equal(["Article.html", "Lonely_files/note.txt"], sources);
        Assert.Equal(3, scanner.SkippedAssets);
    }

    [Fact]
    public void Scan_FileLargerThanMaxInputBytes_IsRejected()
    {
        folder.Write("big.html", new byte[101]);
        folder.Write("small.html", new byte[100]);

        var items = Scan(new LoadOptions { MaxInputBytes = 100 });

        Assert.Equal("file of 101 bytes exceeds MaxInputBytes (100)", items[0].Rejection!.Reason);
        Assert.NotNull(items[1].Input);
    }

    [Fact]
    public void Scan_DanglingSymlink_IsRejectedAsFailure()
    {
        File.CreateSymbolicLink(folder.PathOf("gone.html"), folder.PathOf("missing.html"));

        var rejection = Assert.Single(Scan()).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.StartsWith("cannot read file:", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_UnreadableFile_IsRejectedAsFailure()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = folder.Write("locked.html", "secret");
        File.SetUnixFileMode(path, UnixFileMode.None);
        if (CanRead(path))
        {
            return; // running as root: permissions do not stop reads, nothing to test
        }

        var rejection = Assert.Single(Scan()).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.StartsWith("cannot read file:", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_SingleFile_UsesFileNameAsSourceAndIgnoresGlobs()
    {
        var path = folder.Write("deep/er/one.txt", "x");
        var scanner = new InputScanner(new LoadOptions { Exclude = ["*.txt"] });

        var item = Assert.Single(scanner.Scan(path));

        Assert.Equal("one.txt", item.Source);
        Assert.NotNull(item.Input);
    }

    [Fact]
    public void Scan_MissingPath_ThrowsWithAFix()
    {
        var scanner = new InputScanner();

        var error = Assert.Throws<FileNotFoundException>(() => scanner.Scan(folder.PathOf("nope")));

        Assert.Contains("neither a file nor a folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_IsLazy_ReadsNoFileBeforeEnumeration()
    {
        folder.Write("a.html", "a");
        var items = new InputScanner().Scan(folder.Root);
        File.Delete(folder.PathOf("a.html"));
        folder.Write("b.html", "b");

        Assert.Equal(["b.html"], items.Select(i => i.Source));
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsListingEveryProblem()
    {
        var error = Assert.Throws<ArgumentException>(() => new InputScanner(new LoadOptions { MaxInputBytes = 0, Exclude = [""] }));

        Assert.Contains("MaxInputBytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("Exclude[0]", error.Message, StringComparison.Ordinal);
    }

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
