using System.Buffers;
using NewsEtl.Text;

namespace NewsEtl.Extraction;

/// <summary>
/// Jiemian's template text that is never article content, matched in either script and with
/// full-width punctuation folded or not (text dumps carry all of these variants).
/// </summary>
public static class Boilerplate
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
    // "暂无评论哦" opens the comment box's empty notice, whatever damage did to its end.
    private static readonly string[] Prefixes = ["正在阅读:", "分享到:", "来源:界面新闻", "版权所有", "Copyright", "©", "最新更新时间:", "暂无评论哦"];

    // Longer keys can neither equal a template line nor differ from their first KeyLimit characters in a prefix test.
    private static readonly int KeyLimit = Math.Max(
        Lines.Max(l => l.Length),
        Math.Max(Prefixes.Max(p => p.Length), "未经正式授权严禁转载".Length));

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> LinesBySpan = Lines.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<char> PinyinLetters = SearchValues.Create("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü");

    /// <summary>The reprint notice: it is a fact about the article (is_reprint), not body text.</summary>
    public static bool IsReprintNotice(string line)
    {
        Span<char> buffer = stackalloc char[KeyLimit + 1];
        var key = buffer[..WriteKey(line, buffer)];
        return key.StartsWith("本文为转载内容", StringComparison.Ordinal);
    }

    public static bool IsBoilerplateLine(string line)
    {
        Span<char> buffer = stackalloc char[KeyLimit + 1];
        var key = buffer[..WriteKey(line, buffer)];
        if (key.Length == 0)
        {
            return false;
        }

        if (key.Length <= KeyLimit && LinesBySpan.Contains(key))
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

    // The reprint notice as a whole line, in the form of a key.
    private const string ReprintNoticeLine = "本文为转载内容,授权事宜请联系原著作权人。";

    /// <summary>
    /// Whether the line is a template line but for one character (a template line of five characters or more, one
    /// character replaced, added or left out; two in one of twelve or more; one more of either where the characters
    /// were only read wrong in place): a damaged template line read back with a character or two wrong ("微着公衆號",
    /// "微着公众和", "暫?o評論哦,快來評價一下吧!"). Only for text that damage touched: clean text is matched exactly.
    /// </summary>
    public static bool IsNearBoilerplateLine(string line)
    {
        if (IsBoilerplateLine(line))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[KeyLimit + 3];
        var key = buffer[..WriteKey(line, buffer)];
        if (key.Length < 4 || key.Length > KeyLimit + 2)
        {
            return false;
        }

        foreach (var template in Lines)
        {
            if (template.Length >= 5 && IsNear(key, template))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Within <see cref="NearEdits"/> edits of the template, or one more where every edit is a character read wrong in
    /// place (the line as long as the template): a lost byte makes its neighbours read wrong, and keeps the length.
    /// </summary>
    private static bool IsNear(ReadOnlySpan<char> key, string template)
    {
        var edits = NearEdits(template.Length);
        if (EditDistance.AtMost(key, template, edits))
        {
            return true;
        }

        if (key.Length != template.Length)
        {
            return false;
        }

        var differ = 0;
        for (var i = 0; i < key.Length && differ <= edits + 1; i++)
        {
            differ += key[i] == template[i] ? 0 : 1;
        }

        return differ <= edits + 1;
    }

    /// <summary>
    /// Whether the line is the reprint notice but for two characters at most ("本文爲轉載內部�授權事宜請聯系原著作權人。"):
    /// the notice read back from damage with a character or two wrong. Only for text that damage touched.
    /// </summary>
    public static bool IsNearReprintNotice(string line)
    {
        if (IsReprintNotice(line))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[ReprintNoticeLine.Length + 3];
        var key = buffer[..WriteKey(line, buffer)];
        return IsNear(key, ReprintNoticeLine);
    }

    private static int NearEdits(int templateLength) => templateLength >= 12 ? 2 : 1;

    /// <summary>
    /// Whether the line is the start of a template line followed only by lost-byte marks, as many as the characters it
    /// lacks or more ("微??", 微博 with 博's bytes lost): a template line that damage cut short, which no repair can read
    /// back from the marks alone. Only for text that damage touched, as <see cref="IsNearBoilerplateLine"/>.
    /// </summary>
    public static bool IsCutShortBoilerplateLine(string line)
    {
        Span<char> buffer = stackalloc char[KeyLimit + 2];
        var key = buffer[..WriteKey(line, buffer)];
        var marks = key.Length - key.TrimEnd("?\uFFFD").Length;

        var start = key[..^marks];
        if (marks == 0 || start.IsEmpty || key.Length > KeyLimit)
        {
            return false;
        }

        foreach (var template in Lines)
        {
            if (template.Length > start.Length && template.Length - start.Length <= marks && template.AsSpan().StartsWith(start))
            {
                return true;
            }
        }

        return false;
    }

    // Every template line as a stateless decoder reads it when a chunk ends inside one of its characters: the text
    // before, '?' for the lost lead byte, and the rest one byte out of step, in GBK and Big5, simplified and traditional.
    private static readonly Lazy<HashSet<string>> OutOfStepLines = new(ReadOutOfStep);

    /// <summary>
    /// Whether the line is a template line a chunk boundary put out of step (微博 split inside 微 reads "?⒉?"): too
    /// garbled to be read back, and for short lines too short to match but for a character, yet exactly what the
    /// template's own bytes give. Only for text that damage touched.
    /// </summary>
    public static bool IsOutOfStepBoilerplateLine(string line)
    {
        if (line.Length > KeyLimit * 2 || line.AsSpan().IndexOfAny('?', '\uFFFD') < 0)
        {
            return false;
        }

        return OutOfStepLines.Value.Contains(MatchKey(line.Trim()));
    }

    private static HashSet<string> ReadOutOfStep()
    {
        Loading.Encodings.EnsureRegistered();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var codepage in new[] { 936, 950 })
        {
            var encoding = System.Text.Encoding.GetEncoding(codepage, System.Text.EncoderFallback.ExceptionFallback, System.Text.DecoderFallback.ReplacementFallback);
            var reader = System.Text.Encoding.GetEncoding(codepage);
            foreach (var template in Lines.Concat(Lines.Select(ChineseScript.ToTraditional)).Distinct(StringComparer.Ordinal))
            {
                byte[] bytes;
                try
                {
                    bytes = encoding.GetBytes(template);
                }
                catch (System.Text.EncoderFallbackException)
                {
                    continue;
                }

                for (var i = 0; i < bytes.Length; i++)
                {
                    if (bytes[i] < 0x80)
                    {
                        continue;
                    }

                    // A cut after this lead byte: what came before, '?', then the rest read from its trail byte on.
                    var before = reader.GetString(bytes, 0, i);
                    keys.Add(MatchKey(before + "?" + reader.GetString(bytes, i + 1, bytes.Length - i - 1)));
                    i++;
                }
            }
        }

        return keys;
    }

    /// <summary>Whether <see cref="MatchKey"/> of <paramref name="line"/> starts with <paramref name="prefix"/>, without making the whole key.</summary>
    public static bool KeyStartsWith(string line, string prefix)
    {
        Span<char> buffer = prefix.Length <= 256 ? stackalloc char[prefix.Length] : new char[prefix.Length];
        return buffer[..WriteKey(line, buffer)].SequenceEqual(prefix);
    }

    /// <summary>Whether <see cref="MatchKey"/> of <paramref name="line"/> is <paramref name="key"/>, stopping as soon as it cannot be.</summary>
    public static bool KeyEquals(string line, string key)
    {
        var length = key.Length + 1;
        Span<char> buffer = length <= 256 ? stackalloc char[length] : new char[length];
        return buffer[..WriteKey(line, buffer)].SequenceEqual(key);
    }

    /// <summary>
    /// The form used to compare template text: simplified script, full-width ASCII folded to ASCII,
    /// ideographic punctuation that converters fold (，：；！？（）) folded, white space removed.
    /// </summary>
    public static string MatchKey(string line)
    {
        if (line.Length <= 256)
        {
            Span<char> small = stackalloc char[line.Length];
            return new string(small[..WriteKey(line, small)]);
        }

        var rented = ArrayPool<char>.Shared.Rent(line.Length);
        try
        {
            return new string(rented, 0, WriteKey(line, rented.AsSpan(0, line.Length)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the key of <paramref name="line"/> into <paramref name="key"/> until it is full; returns the length written.</summary>
    private static int WriteKey(ReadOnlySpan<char> line, Span<char> key)
    {
        var n = 0;
        for (var i = 0; i < line.Length && n < key.Length; i++)
        {
            var c = line[i];
            // Pinyin notes a converter left after characters ("轉(zhuǎn)載") are not part of the template's text.
            if (c is '(' or '（' && i > 0 && line[i - 1] is >= '\u3400' and <= '\u9FFF' && PinyinNoteEnd(line, i) is var end and > 0)
            {
                i = end;
                continue;
            }

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
            key[n++] = ChineseScript.ToSimplified(folded);
        }

        return n;
    }

    /// <summary>
    /// The index of the closing parenthesis of a pinyin note opening at <paramref name="open"/> (one to six pinyin
    /// letters, then ')' or '）'), or -1.
    /// </summary>
    private static int PinyinNoteEnd(ReadOnlySpan<char> line, int open)
    {
        var j = open + 1;
        while (j < line.Length && j - open <= 6 && PinyinLetters.Contains(line[j]))
        {
            j++;
        }

        return j > open + 1 && j < line.Length && line[j] is ')' or '）' ? j : -1;
    }
}
