using System.Text;
using System.Text.RegularExpressions;
using NewsEtl.Text;

namespace NewsEtl.Extraction;

/// <summary>
/// Jiemian's template text that is never article content, matched in either script and with
/// full-width punctuation folded or not (text dumps carry all of these variants).
/// </summary>
public static partial class Boilerplate
{
    // Whole lines the template prints around an article (simplified; matching converts the line first).
    private static readonly HashSet<string> Lines = new(StringComparer.Ordinal)
    {
        "扫一扫下载界面新闻APP", "下载界面新闻", "界面新闻APP", "微信公众号", "微博", "评论", "评论区",
        "暂无评论哦,快来评价一下吧!", "您至少需输入5个字", "发表评论", "最新评论", "热门评论", "查看更多评论",
        "相关文章", "相关阅读", "推荐阅读", "热门推荐", "猜你喜欢", "更多", "加载更多", "分享到", "分享",
        "收藏", "点赞", "打开界面新闻APP", "打开APP", "阅读全文", "展开全文", "返回顶部", "举报", "关注",
        "未经正式授权严禁转载本文,侵权必究。", "界面新闻", "正在阅读:",
        // Seen in the 2019 pages: the app box's link and the word-size switch of the info bar.
        "其他途径关注界面…", "字体:宋",
    };

    // "最新更新时间:05/07 17:40" closes the 2019 body's source box.
    private static readonly string[] Prefixes = ["正在阅读:", "分享到:", "来源:界面新闻", "版权所有", "Copyright", "©", "最新更新时间:"];

    /// <summary>The reprint notice: it is a fact about the article (is_reprint), not body text.</summary>
    public static bool IsReprintNotice(string line)
    {
        var key = MatchKey(line);
        return key.StartsWith("本文为转载内容", StringComparison.Ordinal);
    }

    public static bool IsBoilerplateLine(string line)
    {
        var key = MatchKey(line);
        if (key.Length == 0)
        {
            return false;
        }

        if (Lines.Contains(key))
        {
            return true;
        }

        foreach (var prefix in Prefixes)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return key.StartsWith("未经正式授权严禁转载", StringComparison.Ordinal)
            || key.StartsWith("界面新闻版权所有", StringComparison.Ordinal);
    }

    /// <summary>
    /// The form used to compare template text: simplified script, full-width ASCII folded to ASCII,
    /// ideographic punctuation that converters fold (，：；！？（）) folded, white space removed.
    /// </summary>
    public static string MatchKey(string line)
    {
        var sb = new StringBuilder(line.Length);
        // Pinyin notes a converter left after characters ("轉(zhuǎn)載") are not part of the template's text.
        foreach (var c in PinyinNote().Replace(line, string.Empty))
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            var folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3002' => '。',
                '\u2026' => '…',
                _ => c,
            };
            sb.Append(ChineseScript.ToSimplified(folded));
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex PinyinNote();
}
