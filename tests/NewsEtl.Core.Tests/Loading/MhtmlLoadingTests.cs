using System.Text;
using NewsEtl.Core.Tests.Loading.Support;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading;

public sealed class MhtmlLoadingTests : IDisposable
{
    private const string PageUrl = "https://www.jiemian.com/article/3101780.html";
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    private List<LoadItem> Load(string name, byte[] bytes)
    {
        folder.Write(name, bytes);
        return [.. new InputScanner().Scan(folder.Root)];
    }

    [Fact]
    public void Load_QuotedPrintableHtmlPart_DecodesBytesUrlAndCharset()
    {
        var html = Samples.Utf8(Samples.Html(Samples.Simplified, "<meta charset=\"utf-8\">"));
        var mhtml = new MhtmlWriter(PageUrl)
            .Part("text/html; charset=\"utf-8\"", "quoted-printable", MhtmlWriter.QuotedPrintable(html), PageUrl + "?frame")
            .Part("text/css", "quoted-printable", "body { color: red; }", "cid:css-1@mhtml.blink")
            .ToBytes();

        var input = Assert.Single(Load("page.mhtml", mhtml)).Input!;

        Assert.Equal("page.mhtml", input.Source);
        Assert.Equal(html, input.Bytes.ToArray());
        Assert.Equal(PageUrl + "?frame", input.Url);
        Assert.Equal("utf-8", input.HeaderCharset);
        Assert.Equal("text/html", input.MediaType);
    }

    [Fact]
    public void Load_Base64GbkPartAfterAnImage_UsesSnapshotUrlAndDecodesAsGbk()
    {
        var html = Samples.Gbk(Samples.Html(Samples.Simplified));
        var mhtml = new MhtmlWriter(PageUrl)
            .Part("image/png", "base64", MhtmlWriter.Base64([0x89, 0x50, 0x4E, 0x47]), "https://img.jiemian.com/a.png")
            .Part("text/html; charset=gb2312", "base64", MhtmlWriter.Base64(html))
            .ToBytes();

        var input = Assert.Single(Load("saved.MHT", mhtml)).Input!;
        var page = PageDecoder.Decode(input);

        Assert.Equal(html, input.Bytes.ToArray());
        Assert.Equal(PageUrl, input.Url);
        Assert.Equal("gb2312", input.HeaderCharset);
        Assert.Equal(new("gbk", "header", 0), page.Charset);
        Assert.Contains(Samples.Simplified, page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_8BitHtmlPartWithBareLineFeeds_IsRead()
    {
        var text = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\npreamble\n--b1\nContent-Type: text/html\nContent-Transfer-Encoding: 8bit\n\n<p>界面</p>\n--b1--\n";

        var input = Assert.Single(Load("lf.mhtml", Encoding.UTF8.GetBytes(text))).Input!;

        Assert.Equal("<p>界面</p>", Encoding.UTF8.GetString(input.Bytes.Span));
        Assert.Null(input.Url);
    }

    [Fact]
    public void Load_TruncatedAfterHtmlPart_YieldsThePageAlone()
    {
        var mhtml = new MhtmlWriter(PageUrl)
            .Part("text/html", "quoted-printable", "<p>ok</p>")
            .Part("text/css", "quoted-printable", new string('x', 500))
            .ToBytes();

        var items = Load("cut.mhtml", mhtml[..^300]);

        // One file, one outcome: a failure under the same source would replace the page's record in the run store.
        var page = Assert.Single(items);
        Assert.Equal("<p>ok</p>", Encoding.UTF8.GetString(page.Input!.Bytes.Span));
    }

    [Fact]
    public void Load_TruncatedInsideHtmlPart_YieldsOnlyAFailure()
    {
        var mhtml = new MhtmlWriter(PageUrl).Part("text/html", "quoted-printable", new string('x', 500)).ToBytes();

        var rejection = Assert.Single(Load("cut.mhtml", mhtml[..^300])).Rejection!;

        Assert.Equal("cut.mhtml", rejection.Source);
        Assert.True(rejection.IsFailure);
        Assert.StartsWith("truncated MHTML", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoHtmlPart_IsRejectedButNotAFailure()
    {
        var mhtml = new MhtmlWriter(PageUrl).Part("text/css", "7bit", "body{}").ToBytes();

        var rejection = Assert.Single(Load("css.mhtml", mhtml)).Rejection!;

        Assert.Equal("no text/html part in MHTML", rejection.Reason);
        Assert.False(rejection.IsFailure);
    }

    [Fact]
    public void Load_MultipartWithoutBoundary_IsCorrupt()
    {
        var text = "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n--x\r\n";

        var rejection = Assert.Single(Load("bad.mhtml", Encoding.ASCII.GetBytes(text))).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.Contains("no boundary", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidBase64HtmlPart_IsCorrupt()
    {
        var mhtml = new MhtmlWriter(PageUrl).Part("text/html", "base64", "PHA+b2s8L3A+!!!").ToBytes();

        var rejection = Assert.Single(Load("b64.mhtml", mhtml)).Rejection!;

        Assert.True(rejection.IsFailure);
        Assert.Equal("corrupt MHTML: text/html part: invalid base64 data", rejection.Reason);
    }

    [Fact]
    public void QuotedPrintable_SoftBreaksAndStrayEquals_AreHandled()
    {
        var decoded = TransferEncodings.QuotedPrintable("a=3D=\r\nb=E7=95=8C =\nc=ZZ="u8);

        Assert.Equal("a=b界 c=ZZ=", Encoding.UTF8.GetString(decoded));
    }
}
