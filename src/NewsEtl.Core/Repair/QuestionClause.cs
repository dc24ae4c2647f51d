using System.Buffers;

namespace NewsEtl.Repair;

/// <summary>
/// Whether the clause before a place asks anything. Chinese marks a question in its words: a question particle (吗,
/// 呢), a question word (什么, 谁, 哪, 怎, 何, 几, 多少), or the verb asked both ways (能不能, 有没有, 是否). Where a decoder
/// swallowed an ASCII byte after such a clause, before Chinese text, the byte was a question mark typed in ASCII
/// (`為什麼…不想生小孩?一項`). The converse does not hold: a question that asks with no question word (`你確定?`,
/// `真的?`, `又是一年畢業季?`) is ordinary Chinese, so a '?' after a clause that asks nothing is no evidence of damage.
/// </summary>
internal static class QuestionClause
{
    /// <summary>How far back a clause is read; a longer one is treated as asking.</summary>
    public const int MaxClause = 80;

    // Question particles and question words, both scripts. Each one alone marks a clause as asking.
    private static readonly SearchValues<char> Askers = SearchValues.Create("吗嗎呢么麼谁誰哪怎何几幾岂豈啥吧呀嘛");

    // Where a clause begins: the mark or quote before it, or a line break.
    private static readonly SearchValues<char> Starts = SearchValues.Create("，。！？；：,!?;:“「『\"\n");

    /// <summary>A question particle or word: a clause that holds one asks.</summary>
    public static bool IsAsker(char c) => Askers.Contains(c);

    /// <summary>
    /// What the clause that ends <paramref name="before"/> says: it asks when it holds a question particle or word, a
    /// pair such as 是否, 难道, 多少, or a verb asked both ways (X不X, X没X). A clause without Chinese in it ("??",
    /// "OK?"), longer than <see cref="MaxClause"/>, or with improbable characters in it (mojibake not yet repaired)
    /// cannot be read.
    /// </summary>
    public static ClauseReading Read(ReadOnlySpan<char> before, bool traditionalPage)
    {
        var from = Math.Max(0, before.Length - MaxClause);
        var start = before[from..].LastIndexOfAny(Starts);
        if (start < 0 && from > 0)
        {
            return ClauseReading.Unreadable;
        }

        var clause = before[(from + start + 1)..];
        if (!clause.ContainsAnyInRange('\u3400', '\u9fff'))
        {
            return ClauseReading.Unreadable;
        }

        foreach (var c in clause)
        {
            if (Text.CharEvidence.Weight(c, traditionalPage) > 0)
            {
                // Improbable characters: the clause may itself be garbled, and what it asks cannot be read.
                return ClauseReading.Unreadable;
            }
        }

        if (clause.IndexOfAny(Askers) >= 0)
        {
            return ClauseReading.Asks;
        }

        for (var i = 1; i < clause.Length; i++)
        {
            var (a, b) = (clause[i - 1], clause[i]);
            if ((b is '否' && a is '是' or '能' or '可' or '与' or '與' or '然')
                || (a is '多' && b is '少' or '久' or '大' or '长' or '長' or '远' or '遠' or '高' or '快')
                || (a is '难' or '難' && b is '道')
                || (i + 1 < clause.Length && b is '不' or '没' or '沒' or '未' && a == clause[i + 1] && Text.HanChar.IsHan(a)))
            {
                return ClauseReading.Asks;
            }
        }

        return ClauseReading.States;
    }
}

/// <summary>What <see cref="QuestionClause.Read"/> finds in a clause.</summary>
internal enum ClauseReading
{
    States,
    Asks,
    Unreadable,
}
