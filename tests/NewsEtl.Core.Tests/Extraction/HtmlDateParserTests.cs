using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

public sealed class HtmlDateParserTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("1628743500", 2021, 8, 12, 12, 45)]
    [InlineData("1628743500000", 2021, 8, 12, 12, 45)]
    [InlineData(" 1647307200 ", 2022, 3, 15, 9, 20)]
    public void FromUnix_SecondsOrMilliseconds_ReturnsChinaTime(string value, int y, int mo, int d, int h, int mi)
    {
        var parsed = DateParser.FromUnix(value);

        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, 0, China), parsed);
        Assert.Equal(China, parsed!.Value.Offset);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12")]
    [InlineData("-1628743500")]
    public void FromUnix_NotATimestamp_ReturnsNull(string? value)
    {
        Assert.Null(DateParser.FromUnix(value));
    }

    [Theory]
    [InlineData("界面宏观 · 2019/05/07 07:30浏览 18.7W来源：界面新闻", 2019, 5, 7, 7, 30, 0)]
    [InlineData("2021-06-18 09:30:15 来源：江城晚报", 2021, 6, 18, 9, 30, 15)]
    [InlineData("发布时间：2021年6月8日 19:05", 2021, 6, 8, 19, 5, 0)]
    [InlineData("2021年06月08日", 2021, 6, 8, 0, 0, 0)]
    public void FromText_ChineseNewsDates_ReturnsChinaTime(string text, int y, int mo, int d, int h, int mi, int s)
    {
        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, China), DateParser.FromText(text));
    }

    [Theory]
    [InlineData("浏览 18.7W")]
    [InlineData("2019/13/07 07:30")]
    [InlineData("2019/02/30 07:30")]
    public void FromText_NoValidDate_ReturnsNull(string text)
    {
        Assert.Null(DateParser.FromText(text));
    }

    [Theory]
    [InlineData("2021-06-18T09:30:00+08:00", 9)]
    [InlineData("2021-06-18T01:30:00Z", 9)]
    [InlineData("2021-06-18T09:30:00", 9)]
    public void FromIso_WithOrWithoutOffset_ReturnsChinaTime(string value, int hour)
    {
        Assert.Equal(new DateTimeOffset(2021, 6, 18, hour, 30, 0, China), DateParser.FromIso(value));
    }
}
