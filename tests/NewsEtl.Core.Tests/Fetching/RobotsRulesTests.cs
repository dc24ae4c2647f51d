using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class RobotsRulesTests
{
    [Theory]
    [InlineData("/article/1.html", true, null)]
    [InlineData("/private/x", false, "Disallow: /private/")]
    [InlineData("/private/open/y", true, "Allow: /private/open")]
    [InlineData("/data/feed.json", false, "Disallow: /*.json$")]
    [InlineData("/data/feed.json?x=1", true, null)]
    [InlineData("/search?q=%E7%95%8C", false, "Disallow: /search")]
    [InlineData("/robots.txt", true, null)]
    public void Check_LongestMatchWins(string path, bool allowed, string? rule)
    {
        var rules = RobotsRules.Parse(
            "User-agent: *\nDisallow: /private/\nAllow: /private/open\nDisallow: /*.json$\nDisallow: /search\nDisallow: /robots.txt\n",
            "NewsEtl");

        Assert.Equal((allowed, rule), rules.Check(path));
    }

    [Fact]
    public void Check_EqualLengthAllowAndDisallow_AllowWins()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", "NewsEtl");

        Assert.True(rules.Check("/page/1").Allowed);
    }

    [Fact]
    public void Parse_GroupNamingTheProduct_ReplacesTheStarGroup()
    {
        const string text = """
            User-agent: Googlebot
            User-agent: NewsEtl/0.1
            Disallow: /tmp/

            User-agent: *
            Disallow: /
            """;

        var rules = RobotsRules.Parse(text, "newsetl");

        Assert.True(rules.Check("/article/1.html").Allowed);
        Assert.False(rules.Check("/tmp/a").Allowed);
    }

    [Fact]
    public void Parse_EmptyDisallowCommentsAndUnknownLines_AllowEverything()
    {
        const string text = "# hello\nUser-agent: * # all\nDisallow:\nCrawl-delay: 10\nSitemap: https://www.jiemian.com/sitemap.xml\n";

        var rules = RobotsRules.Parse(text, "NewsEtl");

        Assert.True(rules.Check("/anything").Allowed);
    }

    [Fact]
    public void Parse_NonAsciiPattern_MatchesThePercentEncodedUrl()
    {
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /标签/\n", "NewsEtl");

        Assert.False(rules.Check(new Uri("https://www.jiemian.com/标签/财经").PathAndQuery).Allowed);
    }

    [Fact]
    public void Check_DisallowAll_RefusesEveryPathWithItsNote()
    {
        var rules = RobotsRules.DisallowingAll("robots.txt answered HTTP 503");

        Assert.Equal((false, null), rules.Check("/"));
        Assert.Equal("robots.txt answered HTTP 503", rules.Note);
    }

    [Theory]
    [InlineData("/a*b", "/a/x/b/c", true)]
    [InlineData("/a*b$", "/a/x/b/c", false)]
    [InlineData("/a*b$", "/a/x/b", true)]
    [InlineData("/$", "/", true)]
    [InlineData("/$", "/index.html", false)]
    [InlineData("*", "/anything", true)]
    [InlineData("/fish", "/Fish", false)]
    public void Matches_WildcardAndEndAnchor(string pattern, string path, bool expected) =>
        Assert.Equal(expected, RobotsRules.Matches(pattern, path));
}
