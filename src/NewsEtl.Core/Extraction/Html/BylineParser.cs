using System.Text.RegularExpressions;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// Reads the byline paragraphs Jiemian (2021 on) and many Chinese sites put inside the body:
/// "界面新闻记者 | 名字", "界面新闻编辑 | 名字", reprints as "文 | 市象 文昌龍" (outlet, then author) and "编辑 | 楊舟".
/// </summary>
public static partial class BylineParser
{
    /// <summary>A longer line is never a byline.</summary>
    internal const int MaxLineLength = 60;
    private const int MaxNameLength = 16;

    // A role garbled by damage is read as such when no longer than this (编辑 split inside 编 reads "?嗉?").
    private const int MaxGarbledRole = 4;

    // What may wrap a byline line; trimmed before it is read.
    private static readonly char[] Wrapping = ['（', '）', '(', ')', '[', ']', '【', '】', ' '];

    // The role words of Role(), for a role that damage cut short.
    private static readonly string[] RoleWords =
        ["界面新闻记者", "界面新闻编辑", "实习记者", "见习记者", "特约记者", "记者", "责任编辑", "编辑", "责编", "撰文", "作者", "文", "编译", "整理", "来源", "出品", "摄影", "图"];

    /// <summary>Parses a whole line as one or more "role | names" segments; false when any part is not a byline.</summary>
    public static bool TryParse(string line, out Byline byline)
    {
        byline = Byline.Empty;
        line = line.Trim(Wrapping);
        if (line.Length > MaxLineLength)
        {
            return false;
        }

        // Roles are matched in simplified script (a character-for-character copy, so positions agree); names keep theirs.
        var roles = Role().Matches(NewsEtl.Text.ChineseScript.ToSimplified(line));
        if (roles.Count == 0 || roles[0].Index != 0)
        {
            return false;
        }

        for (var i = 0; i < roles.Count; i++)
        {
            var start = roles[i].Index + roles[i].Length;
            var end = i + 1 < roles.Count ? roles[i + 1].Index : line.Length;
            var names = Names(line[start..end]);
            if (names is null)
            {
                byline = Byline.Empty;
                return false;
            }

            byline = byline.Merge(ForRole(roles[i].Groups["role"].Value, names));
        }

        return true;
    }

    /// <summary>
    /// Whether a line that damage touched is a byline, or was one before its names were garbled: a byline once a
    /// U+FFFD is read as the space a swallowed byte most often was ("編輯�| 李帆"), or a role and its bar at the line's
    /// start followed by no more than a name's length of text ("編輯 | 高?V", "編輯 | 羅。"). Only for text that damage
    /// touched and that a copy of the article elsewhere on the page bylines: clean text goes through <see cref="TryParse"/>.
    /// </summary>
    public static bool IsBylineButForDamage(string line)
    {
        var mended = line.Replace('\uFFFD', ' ');
        if (TryParse(mended, out var byline) && !byline.IsEmpty)
        {
            return true;
        }

        mended = mended.Trim(Wrapping);
        if (mended.Length > MaxLineLength)
        {
            return false;
        }

        var role = Role().Match(NewsEtl.Text.ChineseScript.ToSimplified(mended));
        return role.Success && role.Index == 0 && mended.Length - role.Length is > 0 and <= MaxNameLength;
    }

    /// <summary>
    /// Whether a line is a byline whose role damage garbled: before the bar, the start of a role word (or none of it)
    /// and then only lost-byte marks ("編??| 趙倩", 輯 and the space after it lost; "??| 界面新聞 高俊傑", 文 lost), or
    /// no more than a role's length of text with a lost-byte mark in it ("?嗉?| 王广千", 编辑 split inside 编); after
    /// it, names, read without a converter's notes. Only for text that damage touched.
    /// </summary>
    public static bool IsBylineWithRoleCutShort(string line)
    {
        line = NewsEtl.Text.PinyinReadings.WithoutNotes(line);
        var bar = line.AsSpan().IndexOfAny('|', '｜', '丨');
        if (bar < 0 || line.Length > MaxLineLength || Names(line[(bar + 1)..]) is null)
        {
            return false;
        }

        var before = line.AsSpan(0, bar).Trim(' ');
        var marks = before.Length - before.TrimEnd("?\uFFFD").Length;

        if (marks == 0)
        {
            return false;
        }

        var start = NewsEtl.Text.ChineseScript.ToSimplified(before[..^marks].ToString());
        var firstMark = before.IndexOfAny('?', '\uFFFD');
        return RoleWords.Any(role => role.Length > start.Length && role.StartsWith(start, StringComparison.Ordinal))
            || (before.Length <= MaxGarbledRole && firstMark < before.Length - marks);
    }

    private static Byline ForRole(string role, List<string> names)
    {
        var compact = role.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (compact.EndsWith("编辑", StringComparison.Ordinal) || compact is "责编")
        {
            return new Byline([], null, string.Join(' ', names));
        }

        if (compact is "来源" or "出品")
        {
            return new Byline([], string.Join(' ', names), null);
        }

        // Reprints write the original outlet before the author: "文 | 市象 文昌龍".
        if (compact is "文" && names.Count >= 2)
        {
            return new Byline(names.Skip(1).ToList(), names[0], null);
        }

        // Photographers have no field; their line is still byline, not body.
        return compact is "图" or "摄影" ? Byline.Empty : new Byline(names, null, null);
    }

    private static List<string>? Names(string text)
    {
        var names = NameSeparator().Split(text.Trim()).Where(n => n.Length > 0).ToList();
        if (names.Count is 0 or > 6 || names.Any(n => n.Length > MaxNameLength || NotAName().IsMatch(n)))
        {
            return null;
        }

        return names;
    }

    // The role words, optionally after "界面新闻", then a bar or colon. Longest alternatives first.
    [GeneratedRegex(@"(?<role>(界面新闻\s*)?(实习|见习|特约)?记者|(界面新闻\s*)?(责任)?编辑|责编|撰文|作者|文|编译|整理|来源|出品|摄影|图)\s*[|｜丨:：]\s*")]
    private static partial Regex Role();

    [GeneratedRegex(@"[\s、，,/／;；]+")]
    private static partial Regex NameSeparator();

    [GeneratedRegex(@"[。！？!?：:“”""《》（）()\d]")]
    private static partial Regex NotAName();
}
