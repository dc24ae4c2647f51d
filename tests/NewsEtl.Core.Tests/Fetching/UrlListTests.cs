using NewsEtl.Fetching;

namespace NewsEtl.Core.Tests.Fetching;

public sealed class UrlListTests
{
    [Fact]
    public void Parse_MixedList_KeepsUrlsInOrderAndRejectsBadLines()
    {
        const string list = """
            # Jiemian articles to fetch
            https://www.jiemian.com/article/1.html

              http://www.jiemian.com/article/2.html  
            www.jiemian.com/article/3.html
            ftp://files.jiemian.com/a.txt
            mailto:news@jiemian.com
            https://www.jiemian.com/article/1.html
            https://www.jiemian.com/article/4.html#comments
            """;

        var result = UrlList.Parse(new StringReader(list));

        Assert.Equal(
            ["https://www.jiemian.com/article/1.html", "http://www.jiemian.com/article/2.html", "https://www.jiemian.com/article/4.html#comments"],
            result.Urls.Select(u => u.OriginalString));
        Assert.Equal(
            [
                ("www.jiemian.com/article/3.html", "line 5: not an absolute URL", true),
                ("ftp://files.jiemian.com/a.txt", "line 6: scheme 'ftp' is not http or https", true),
                ("mailto:news@jiemian.com", "line 7: scheme 'mailto' is not http or https", true),
                ("https://www.jiemian.com/article/1.html", "line 8: duplicate of line 2", false),
            ],
            result.Rejections.Select(r => (r.Source, r.Reason, r.IsFailure)));
        Assert.All(result.Rejections, r => Assert.Equal("fetch", r.Stage));
    }

    [Fact]
    public void Parse_EmptyOrCommentsOnly_GivesNothing()
    {
        var result = UrlList.Parse(new StringReader("\n# nothing yet\n   \n"));

        Assert.Empty(result.Urls);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Parse_BomAndCrLf_AreIgnored()
    {
        var result = UrlList.Parse(new StringReader("\uFEFFhttps://www.jiemian.com/a.html\r\nhttps://www.jiemian.com/b.html\r\n"));

        Assert.Equal(2, result.Urls.Count);
        Assert.Empty(result.Rejections);
    }
}
