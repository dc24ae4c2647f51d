using System.Text.RegularExpressions;

namespace NewsEtl.Extraction;

/// <summary>A byline line's meaning: who wrote, who edited, which outlet an article is reprinted from.</summary>
public sealed record Byline(IReadOnlyList<string> Authors, string? Outlet, string? Editor);

/// <summary>
/// Reads Jiemian byline lines in either script: "界面新闻记者 | 名字", "界面新闻编辑 | 名字",
/// "文 | 市象 文昌龍" (outlet then author, for reprints), "编辑 | 楊舟", "记者 | A B".
/// </summary>
public static partial class BylineParser
{
    /// <summary>The byline a line states, or null when the line is not a byline.</summary>
    public static Byline? Parse(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length > 40)
        {
            return null;
        }

        var m = Pattern().Match(trimmed);
        if (!m.Success)
        {
            return null;
        }

        var role = Boilerplate.MatchKey(m.Groups["role"].Value);
        var names = m.Groups["names"].Value
            .Split(c => char.IsWhiteSpace(c) || c is '、' or ',' or '，' or '/')
            .ToArray();
        if (names.Length == 0)
        {
            return null;
        }

        return role switch
        {
            "编辑" or "责编" or "责任编辑" or "界面新闻编辑" => new Byline([], null, string.Join("、", names)),
            // "文 | 市象 文昌龍": the first word names the outlet when more than one follows.
            "文" or "撰文" when names.Length > 1 => new Byline(names[1..], names[0], null),
            _ => new Byline(names, null, null),
        };
    }

    [GeneratedRegex(@"^(?<role>界面新聞記者|界面新闻记者|界面新聞編輯|界面新闻编辑|記者|记者|作者|撰文|文|編輯|编辑|責編|责编|責任編輯|责任编辑)\s*[|｜丨]\s*(?<names>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

internal static class SplitExtensions
{
    /// <summary>Splits on every character the predicate accepts, dropping empty parts.</summary>
    public static IEnumerable<string> Split(this string text, Func<char, bool> separator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || separator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
