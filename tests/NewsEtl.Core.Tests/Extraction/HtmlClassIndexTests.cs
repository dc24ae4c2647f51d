using AngleSharp.Html.Parser;
using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

public sealed class HtmlClassIndexTests
{
    private const string Page = """
        <html><body>
        <div id="a1" class="side"><span id="a2" class=" x  article-info
        other"></span></div>
        <div id="b1" class="article-infobox Article-content"></div>
        <div id="c1" class="article-content"><p id="c2" class="article-info">x</p></div>
        <div id="d1" class="main-mate"></div>
        </body></html>
        """;

    private static ClassIndex Index() =>
        ClassIndex.Build(new HtmlParser().ParseDocument(Page), "article-info", "article-content", "main-mate", "meta-container");

    [Fact]
    public void First_IsTheFirstElementInDocumentOrder_WithTheClassAsOneToken()
    {
        var index = Index();

        Assert.Equal("a2", index.First("article-info")?.Id); // tokens split on any ASCII whitespace, newlines included
        Assert.Equal("c1", index.First("article-content")?.Id); // not a prefix (article-infobox), not another case
        Assert.Null(index.First("meta-container"));
    }

    [Fact]
    public void First_OfSeveralNames_IsTheEarliestOfThem_AsAGroupSelectorFindsIt()
    {
        var index = Index();
        var document = new HtmlParser().ParseDocument(Page);

        Assert.Equal(document.QuerySelector(".main-mate, .article-content")?.Id, index.First("main-mate", "article-content")?.Id);
        Assert.Equal(document.QuerySelector(".meta-container, .main-mate")?.Id, index.First("meta-container", "main-mate")?.Id);
        Assert.Equal(document.QuerySelector(".article-content, .article-info")?.Id, index.First("article-content", "article-info")?.Id);
    }

    [Fact]
    public void FirstContaining_MatchesAnywhereInTheAttribute_AsAttributeSubstringSelectorsDo()
    {
        var document = new HtmlParser().ParseDocument(Page);
        var index = ClassIndex.Build(document, ["side"], ["infobox", "content", "rticle-i", "Content"]);

        foreach (var fragment in new[] { "infobox", "content", "rticle-i", "Content" })
        {
            Assert.Equal(document.QuerySelector($"[class*='{fragment}']")?.Id, index.FirstContaining(fragment)?.Id);
        }

        Assert.Equal("a2", index.FirstContaining("rticle-i")?.Id);
        Assert.Equal("b1", index.FirstContaining("content")?.Id); // inside a token
        Assert.Null(index.FirstContaining("Content")); // in the attribute's own case
        Assert.Throws<ArgumentException>(() => index.FirstContaining("paywall"));
    }

    [Fact]
    public void First_OfANameNotIndexed_Throws()
    {
        Assert.Throws<ArgumentException>(() => Index().First("article-header"));
    }
}
