namespace NewsEtl.Core.Tests.Extraction;

/// <summary>The nine real 2019 channel list pages: none of them is an article.</summary>
public sealed class HtmlChannelListPagesTests
{
    [Theory]
    [InlineData("lists-175.html")]
    [InlineData("lists-280.html")]
    [InlineData("lists-426.html")]
    [InlineData("lists-428.html")]
    [InlineData("lists-430.html")]
    [InlineData("lists-431.html")]
    [InlineData("lists-446.html")]
    [InlineData("lists-447.html")]
    [InlineData("lists-459.html")]
    public void Extract_ChannelListPage_RejectsAsChannelList(string file)
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var result = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, file));

        Assert.Null(result.Article);
        Assert.Equal("not an article: channel list page", result.RejectReason);
    }

    [Theory]
    [InlineData("lists-175.html")]
    [InlineData("lists-447.html")]
    public void Extract_ChannelListPageWithoutUrl_RejectsByItsArticleCards(string file)
    {
        if (HtmlTestPages.SharedFolder() is not { } folder)
        {
            return;
        }

        var result = HtmlTestPages.Extract(HtmlTestPages.SharedPage(folder, file, withUrl: false));

        Assert.Equal("not an article: channel list page", result.RejectReason);
    }
}
