using System.Buffers;
using System.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Whether the clause before a question mark asks anything. Chinese marks a question in its words: a question particle
/// (吗, 呢), a question word (什么, 谁, 哪, 怎, 何, 几, 多少), or the verb asked both ways (能不能, 有没有, 是否). A '?' after a
/// clause with none of them is rarely a question mark the writer typed; in text decoded out of step it is far more
/// often the mark a lost lead byte left ("施行?A適用", where Big5's comma is A1 41). The test is deliberately wide (何
/// also counts in 任何, 几 in 几乎): a clause that might ask keeps its '?' as written.
/// </summary>
internal static class QuestionClause
{
    /// <summary>Log-odds against a question mark after a clause that asks nothing, measured against the page's marks.</summary>
    public const double UnaskedPenalty = -3.0;

    /// <summary>How far back a clause is read; a longer one is treated as asking.</summary>
    public const int MaxClause = 80;

    // Question particles and question words, both scripts. Each one alone marks a clause as asking.
    private static readonly SearchValues<char> Askers = SearchValues.Create("吗嗎呢么麼谁誰哪怎何几幾岂豈啥吧呀嘛");

    // Where a clause begins: the mark or quote before it, or a line break.
    private static readonly SearchValues<char> Starts = SearchValues.Create("，。！？；：,!?;:“「『\"\n");

    /// <summary>
    /// True for a '?' at <paramref name="mark"/> of <paramref name="text"/> that reads as text, not as another mark's
    /// neighbour ("?,"), after a clause of <paramref name="written"/> (the text before it as repaired so far) that asks
    /// nothing.
    /// </summary>
    public static bool Unasked(string text, int mark, StringBuilder written, bool traditionalPage) =>
        text[mark] == '?' && mark + 1 < text.Length && char.IsLetterOrDigit(text[mark + 1])
        && !Asks(Repair.NoteFreeContext.End(written, MaxClause + 1), traditionalPage);

    /// <summary>
    /// True when the clause that ends <paramref name="before"/> (the text up to a question mark) may ask: see
    /// <see cref="Read"/>; a clause that cannot be read counts as asking.
    /// </summary>
    public static bool Asks(ReadOnlySpan<char> before, bool traditionalPage) => Read(before, traditionalPage) != ClauseReading.States;

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
