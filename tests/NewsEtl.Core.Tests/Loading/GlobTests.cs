using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class GlobTests
{
    [Theory]
    [InlineData("*.html", "a.html", true)]
    [InlineData("*.html", "deep/down/a.HTML", true)]
    [InlineData("*.html", "a.htm", false)]
    [InlineData("news/*.html", "news/a.html", true)]
    [InlineData("news/*.html", "news/x/a.html", false)]
    [InlineData("news/**/*.html", "news/a.html", true)]
    [InlineData("news/**/*.html", "news/x/y/a.html", true)]
    [InlineData("**/drafts/**", "drafts/a.html", true)]
    [InlineData("**/drafts/**", "x/drafts/y/a.html", true)]
    [InlineData("**/drafts/**", "x/drafts.html", false)]
    [InlineData("page?.txt", "page1.txt", true)]
    [InlineData("page?.txt", "page12.txt", false)]
    [InlineData("a/?/b.txt", "a///b.txt", false)]
    [InlineData("*.warc.gz", "crawl/2019.warc.gz", true)]
    [InlineData("[x].txt", "[x].txt", true)]
    public void IsMatch_RelativePath_FollowsGlobRules(string pattern, string path, bool expected)
    {
        Assert.Equal(expected, Glob.Parse(pattern).IsMatch(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("news\\*.html")]
    [InlineData("/abs/*.html")]
    public void Check_UnusableGlob_SaysWhatToWrite(string pattern)
    {
        var problem = Glob.Check(pattern);

        Assert.NotNull(problem);
        Assert.Contains("e.g.", problem, StringComparison.Ordinal);
    }
}
