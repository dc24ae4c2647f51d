using AngleSharp.Html.Parser;
using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

public sealed class HtmlNestingGuardTests
{
    [Fact]
    public void TagsPastTheLimit_AreDropped_WithTheirEndTags_AndTheirTextStays()
    {
        var flat = NestingGuard.Flatten("<div><div><div>x</div>y</div></div>", 2, out var dropped);

        Assert.Equal("<div><div>xy</div></div>", flat);
        Assert.Equal(2, dropped);
    }

    [Fact]
    public void NamesInAnyCase_AreOneElement()
    {
        const string html = "<DIV><Div>a</dIV></div><div><DIV>b</Div></DIV>";

        var flat = NestingGuard.Flatten(html, 2, out var dropped);

        Assert.Same(html, flat);
        Assert.Equal(0, dropped);
    }

    [Fact]
    public void CustomElements_EachOpenALevel_AndCloseByName()
    {
        var flat = NestingGuard.Flatten("<my-a><my-b><my-c>t</my-c></my-b></my-a><my-a><my-b>u</my-b></my-a>", 2, out var dropped);

        Assert.Equal("<my-a><my-b>t</my-b></my-a><my-a><my-b>u</my-b></my-a>", flat);
        Assert.Equal(2, dropped);
    }

    [Theory]
    [InlineData("<p>a<p>b<p>c<p>d<p>e")] // a <p> closes the open one
    [InlineData("<ul><li>a<li>b<li>c<li>d</ul>")] // so does an <li>
    [InlineData("<table><tr><td>a<td>b<tr><td>c<td>d</table>")] // cells and rows
    [InlineData("<h1>a<h2>b<h3>c</h3>")] // a heading closes an open heading
    [InlineData("<svg><path/><path/><path/><path/></svg>")] // self-closing in SVG
    [InlineData("<div><img><br><hr><input><img></div>")] // void elements
    public void SiblingsTheParserCloses_DoNotCountAsDepth(string html)
    {
        var flat = NestingGuard.Flatten(html, 3, out var dropped);

        Assert.Equal(0, dropped);
        Assert.Same(html, flat);
    }

    [Fact]
    public void ElementsInsideRawText_AreNotTags()
    {
        var html = "<div><script>" + string.Concat(Enumerable.Repeat("<div>", 50)) + "</script></div>";

        var flat = NestingGuard.Flatten(html, 2, out var dropped);

        Assert.Equal(0, dropped);
        Assert.Same(html, flat);
    }

    [Fact]
    public void AFlattenedPage_ParsesNoDeeperThanTheLimit()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Range(0, 2000).Select(i => i % 3 == 0 ? "<DIV>" : i % 3 == 1 ? "<span class=x>" : "<x-y>")) + "text";

        var flat = NestingGuard.Flatten(html, 64, out var dropped);
        var document = new HtmlParser().ParseDocument(flat);

        Assert.True(dropped > 1900);
        Assert.False(TreeDepth.Exceeds(document, 64 + 4));
        Assert.Contains("text", document.Body!.TextContent, StringComparison.Ordinal);
    }
}
