using System.Text;
using NewsEtl.Extraction;
using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Extraction;

/// <summary>Builds decoded HTML pages for the extractor from strings, committed fixtures and the shared 2019 pages.</summary>
internal static class HtmlTestPages
{
    private static readonly string FixtureFolder = Path.Combine("tests", "NewsEtl.Core.Tests", "Extraction", "Fixtures");
    private static readonly string SharedRelative = Path.Combine("shared", "jiemian-2019");

    public static ExtractionResult Extract(string html, string? url = null) => new HtmlArticleExtractor().Extract(FromHtml(html, url));

    public static ExtractionResult Extract(DecodedPage page) => new HtmlArticleExtractor().Extract(page);

    public static DecodedPage FromHtml(string html, string? url = null, string source = "test.html") =>
        new(new RawInput(source, Encoding.UTF8.GetBytes(html), url, null, "text/html"), PageFormat.Html, html, new CharsetDecision("utf-8", "utf8-valid", 0));

    /// <summary>A fixture written for this project, read from the source tree (found by walking up from the test binaries).</summary>
    public static string FixtureText(string name)
    {
        var folder = FindUp(FixtureFolder) ?? throw new DirectoryNotFoundException($"{FixtureFolder} not found above {AppContext.BaseDirectory}.");
        return File.ReadAllText(Path.Combine(folder, name), Encoding.UTF8);
    }

    /// <summary>The real 2019 pages in shared/jiemian-2019, or null when that folder is not beside the repository.</summary>
    public static string? SharedFolder() => FindUp(SharedRelative);

    /// <summary>A shared page with the URL INDEX.tsv gives it (as the load stage would pass it on).</summary>
    public static DecodedPage SharedPage(string folder, string name, bool withUrl = true)
    {
        var text = File.ReadAllText(Path.Combine(folder, name), Encoding.UTF8);
        var url = withUrl
            ? File.ReadLines(Path.Combine(folder, "INDEX.tsv")).Select(l => l.Split('\t')).First(p => p[0] == name)[1]
            : null;
        return FromHtml(text, url, name);
    }

    private static string? FindUp(string relative) => NewsEtl.Core.Tests.Support.RepoPaths.FindUp(relative);
}
