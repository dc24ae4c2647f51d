using NewsEtl.Extraction.Html;

namespace NewsEtl.Core.Tests.Extraction;

public sealed class HtmlBylineParserTests
{
    [Theory]
    [InlineData("界面新闻记者 | 赵子健", "赵子健", null, null)]
    [InlineData("界面新闻记者｜赵子健 王晓", "赵子健|王晓", null, null)]
    [InlineData("界面新闻实习记者 | 周航", "周航", null, null)]
    [InlineData("界面新闻编辑 | 刘海川", "", null, "刘海川")]
    [InlineData("文 | 市象 文昌龍", "文昌龍", "市象", null)]
    [InlineData("文 | 文昌龍", "文昌龍", null, null)]
    [InlineData("编辑 | 楊舟", "", null, "楊舟")]
    [InlineData("（责任编辑：陈静）", "", null, "陈静")]
    [InlineData("记者：张三、李四", "张三|李四", null, null)]
    [InlineData("界面新闻记者 | 张三 界面新闻编辑 | 李四", "张三", null, "李四")]
    public void TryParse_BylineLine_FillsAuthorsOutletEditor(string line, string authors, string? outlet, string? editor)
    {
        Assert.True(BylineParser.TryParse(line, out var byline));
        Assert.Equal(authors.Split('|', StringSplitOptions.RemoveEmptyEntries), byline.Authors);
        Assert.Equal(outlet, byline.Outlet);
        Assert.Equal(editor, byline.Editor);
    }

    [Theory]
    [InlineData("记者在现场看到，改造后的老街保留了青石板路面。")]
    [InlineData("文化部门表示，将继续推进老街的保护工作。")]
    [InlineData("编辑部的同事们：请在周五前提交稿件。")]
    [InlineData("八月的一个午后，县城东关的一座充电站里停满了网约车。")]
    [InlineData("记者 | ")]
    public void TryParse_ProseOrEmptyNames_IsNotAByline(string line)
    {
        Assert.False(BylineParser.TryParse(line, out _));
    }
}
