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

    [Theory]
    [InlineData("編輯\uFFFD| 李帆", true)] // the space before the bar swallowed
    [InlineData("編輯 | 高?V", true)] // a name garbled
    [InlineData("編輯 | 羅。", true)] // a name read back as a mark
    [InlineData("編輯部的同事們：請在周五前提交稿件。", false)]
    [InlineData("記者 | 這是一段很長的文字，不是任何人的名字，只是恰好寫在豎線之後。", false)]
    public void IsBylineButForDamage_RoleAndBarAtTheStart_NamesMayBeGarbled(string line, bool expected)
    {
        Assert.Equal(expected, BylineParser.IsBylineButForDamage(line));
    }

    [Theory]
    [InlineData("編??| 趙倩", true)] // 輯 and the space after it lost
    [InlineData("??| 界面新聞 高俊傑 朱啓華", true)] // 文 lost
    [InlineData("編輯 | 趙倩", false)] // nothing lost: TryParse reads it
    [InlineData("公司??| 趙倩", false)] // no role starts so
    [InlineData("編??| 這不是一個名字，而是一整句話。", false)]
    [InlineData("?嗉?| 王广千", true)] // 编辑 split inside 编: a lost lead, a garbled pair, the swallowed space
    [InlineData("??| 市場觀(guān)察 王致", true)] // the names read without the converter's note
    [InlineData("多家?| 王广千", false)] // no lost byte before the last: text, not a garbled role
    [InlineData("?嗉嗉嗉?| 王广千", false)] // longer than a role
    public void IsBylineWithRoleCutShort_TheStartOfARoleThenLostByteMarks(string line, bool expected)
    {
        Assert.Equal(expected, BylineParser.IsBylineWithRoleCutShort(line));
    }
}
