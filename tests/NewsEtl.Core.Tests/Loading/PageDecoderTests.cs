using System.Text;
using NewsEtl.Core.Tests.Loading.Support;
using NewsEtl.Loading;
using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Loading;

public sealed class PageDecoderTests
{
    private static DecodedPage Decode(byte[] bytes, string? headerCharset = null, string mediaType = "text/html") =>
        PageDecoder.Decode(new RawInput("page.html", bytes, null, headerCharset, mediaType));

    [Fact]
    public void Decode_Utf8PageDeclaringGbk_DecodesAsUtf8()
    {
        var html = Samples.Html(Samples.Simplified, "<meta charset=\"gbk\">");

        var page = Decode(Samples.Utf8(html));

        Assert.Equal(new CharsetDecision("utf-8", "utf8-valid", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_GbkPageWithMetaGb2312_DecodesAsGbkByMeta()
    {
        var html = Samples.Html(Samples.Simplified, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");

        var page = Decode(Samples.Gbk(html));

        Assert.Equal(new CharsetDecision("gbk", "meta", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_Big5PageWithWrongGbkMeta_FollowsMetaAndCountsDamage()
    {
        // The meta is trusted once UTF-8 has been ruled out; the damage shows in the invalid count.
        var html = Samples.TraditionalHtml("<meta charset=\"gbk\">");

        var page = Decode(Samples.Big5(html));

        Assert.Equal("gbk", page.Charset.Charset);
        Assert.Equal("meta", page.Charset.Reason);
        Assert.NotEqual(html, page.Text);
    }

    [Fact]
    public void Decode_GbkWithoutDeclaration_PicksGbkStatistically()
    {
        var html = Samples.Html(Samples.Simplified);

        var page = Decode(Samples.Gbk(html));

        Assert.Equal(new CharsetDecision("gbk", "statistical", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_Big5WithoutDeclaration_PicksBig5Statistically()
    {
        var html = Samples.TraditionalHtml();

        var page = Decode(Samples.Big5(html));

        Assert.Equal(new CharsetDecision("big5", "statistical", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Theory]
    [InlineData("。")]
    [InlineData("中国")]
    [InlineData("記者說")]
    public void Decode_ShortLegacyText_StillDecodesWithoutInvalidSequences(string text)
    {
        var gbk = Decode(Samples.Gbk(text + " ok"));

        Assert.Equal(text + " ok", gbk.Text);
        Assert.Equal("statistical", gbk.Charset.Reason);
    }

    [Fact]
    public void Decode_HeaderCharset_WinsOverMeta()
    {
        var html = Samples.TraditionalHtml("<meta charset=\"gbk\">");

        var page = Decode(Samples.Big5(html), headerCharset: "Big5");

        Assert.Equal(new CharsetDecision("big5", "header", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_LegacyHeaderOverValidUtf8_PrefersUtf8AndSaysSo()
    {
        var html = Samples.Html(Samples.Simplified);

        var page = Decode(Samples.Utf8(html), headerCharset: "GB2312");

        Assert.Equal(new CharsetDecision("utf-8", "utf8-valid (header said gbk)", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_UnknownHeaderCharset_IsIgnored()
    {
        var page = Decode(Samples.Utf8(Samples.Simplified), headerCharset: "no-such-charset");

        Assert.Equal("utf8-valid", page.Charset.Reason);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    public void Decode_Bom_DecidesAndIsStripped(string charset)
    {
        var encoding = charset switch
        {
            "utf-8" => (Encoding)new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        var html = Samples.Html(Samples.Simplified, "<meta charset=\"gbk\">");
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(html)];

        var page = Decode(bytes, headerCharset: "gbk");

        Assert.Equal(new CharsetDecision(charset, "bom", 0), page.Charset);
        Assert.Equal(html, page.Text);
    }

    [Fact]
    public void Decode_PureAscii_IsUtf8ByAscii()
    {
        var page = Decode(Encoding.ASCII.GetBytes("<html><body>plain</body></html>"));

        Assert.Equal(new CharsetDecision("utf-8", "ascii", 0), page.Charset);
    }

    [Fact]
    public void Decode_InvalidBytesUnderUtf8Meta_AreCountedAndReplaced()
    {
        byte[] bytes = [.. Samples.Utf8("<meta charset=\"utf-8\"><p>新闻"), 0xFF, .. Samples.Utf8("报道"), 0xE4, 0xB8];

        var page = Decode(bytes);

        Assert.Equal(new CharsetDecision("utf-8", "meta", 2), page.Charset);
        Assert.Equal("<meta charset=\"utf-8\"><p>新闻\uFFFD报道\uFFFD", page.Text);
    }

    [Fact]
    public void Decode_MultiByteCharacterAcrossDecoderChunks_IsNotDamaged()
    {
        // 64 KiB chunks: pad so that a 3-byte character straddles the first chunk boundary.
        var text = new string('a', 65535) + Samples.Simplified;

        var page = Decode(Samples.Utf8(text));

        Assert.Equal(new CharsetDecision("utf-8", "utf8-valid", 0), page.Charset);
        Assert.Equal(text, page.Text);
    }

    [Fact]
    public void Decode_LongGbkPage_SplitsNoCharacterAcrossChunks()
    {
        var text = "<meta charset=gbk>" + string.Concat(Enumerable.Repeat(Samples.Simplified, 2000));

        var page = Decode(Samples.Gbk(text));

        Assert.Equal(0, page.Charset.InvalidSequences);
        Assert.Equal(text, page.Text);
    }

    [Theory]
    [InlineData("text/plain", PageFormat.Text)]
    [InlineData("text/plain; charset=utf-8", PageFormat.Text)]
    [InlineData("text/html", PageFormat.Html)]
    [InlineData("application/xhtml+xml", PageFormat.Html)]
    public void Decode_MediaType_SetsFormat(string mediaType, PageFormat format)
    {
        var page = Decode(Samples.Utf8("界面"), mediaType: mediaType);

        Assert.Equal(format, page.Format);
    }

    [Theory]
    [InlineData("GB2312", "gbk")]
    [InlineData("x-gbk", "gbk")]
    [InlineData("cp936", "gbk")]
    [InlineData("big5-hkscs", "big5")]
    [InlineData("UTF8", "utf-8")]
    [InlineData("\"utf-8\"", "utf-8")]
    [InlineData("gb18030", "gb18030")]
    [InlineData("iso-8859-1", "windows-1252")]
    [InlineData("shift_jis", "shift_jis")]
    [InlineData("nonsense", null)]
    public void Normalize_CharsetLabels_MapToOneName(string label, string? expected)
    {
        Assert.Equal(expected, CharsetNames.Normalize(label));
    }
}
