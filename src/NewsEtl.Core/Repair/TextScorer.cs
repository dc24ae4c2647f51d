using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Log-probability of a piece of text, for comparing candidate readings of one span in the same context:
/// the best segmentation into dictionary words (with how often the corpus writes each word after the one before it,
/// and before the mark after it), the page's own habits for punctuation and Latin text
/// (which pairs it writes, such as "。”" or "嗎？"), and a penalty for characters of the wrong script.
/// </summary>
internal sealed class TextScorer
{
    private const double ScriptPenalty = -4.0;
    private const double SecondaryFormPenalty = -1.5;
    private const double PairWeight = 0.8;
    private const double UnseenMarkPair = -2.0;
    private const double DoubledMark = -4.0;
    private const double EncliticAfterMark = -4.0;
    private const double LoneSmallLetter = -6.0;

    // A capital alone between Chinese characters starts a term as often as not ("A股", "C端", "Z世代"): at -2, a
    // doubting question before one ("又是一年畢業季?Z世代") read as a lost lead byte ("畢業季刊世代"); -1.5 keeps it.
    private const double LoneCapital = -1.5;

    // A lone capital before a word no term is made with ("?N突破", "?A但"): what a lost lead byte leaves of a character
    // whose trail byte is a capital (Big5's 就 is B4 4E), as unlikely in clean text as a lone small letter.
    private const double CapitalBeforeNoTerm = -6.0;
    private const double WordPairWeight = 1.0;

    // Tuned on the benchmark (0.3 to 1 all gain; 0.5 best): the marks' shares are estimates, and a page's own habits
    // (Pairs) speak for its marks too.
    private const double MarkPairWeight = 0.5;

    // What the pairs of a number and the words beside it weigh, as word pairs do (0.5 left 2 characters more wrong).
    private const double NumberWordWeight = 1.0;

    // The characters numbers are written with in Chinese numerals, and those of them that are digits.
    private static readonly System.Buffers.SearchValues<char> HanNumerals = System.Buffers.SearchValues.Create("〇零一二三四五六七八九十百千万亿两几多半分之");
    private static readonly System.Buffers.SearchValues<char> HanDigits = System.Buffers.SearchValues.Create("〇零一二三四五六七八九十百千两");

    // The log of the share of numbers written as ordinals (第 and the number), about one in twenty.
    private static readonly double OrdinalShare = Math.Log(0.05);
    private static readonly double LostCharacter = Math.Log(1e-4);

    // What a neighbour costs as a character of its own, roughly: a word that covers it saves about this much.
    private static readonly double SingleCharacterFloor = Math.Log(1e-3);

    private readonly WordModel _words;
    private readonly WordBigrams _pairs;
    private readonly PageStatistics _page;

    public TextScorer(WordModel words, PageStatistics page, WordBigrams? pairs = null)
    {
        _words = words;
        _page = page;
        _pairs = pairs ?? WordBigrams.Default;
    }

    public PageStatistics Page => _page;

    public WordModel Words => _words;

    /// <summary>
    /// A cheap stand-in for <see cref="Score"/> with one Han character in the middle: the log-probability of the
    /// likeliest dictionary word that contains it and lies within its neighbours (the character alone at least).
    /// </summary>
    public double BestWordAround(ReadOnlySpan<char> left, char c, ReadOnlySpan<char> right)
    {
        // No word reaches further than this from the candidate: the rest of the context is not read.
        const int reach = WordModel.MaxWordLength - 1;
        left = left[Math.Max(0, left.Length - reach)..];
        right = right[..Math.Min(right.Length, reach)];
        var length = left.Length + 1 + right.Length;
        Span<char> text = stackalloc char[length];
        for (var i = 0; i < left.Length; i++)
        {
            text[i] = ChineseScript.ToSimplified(left[i]);
        }

        text[left.Length] = ChineseScript.ToSimplified(c);
        for (var i = 0; i < right.Length; i++)
        {
            text[left.Length + 1 + i] = ChineseScript.ToSimplified(right[i]);
        }

        var at = left.Length;
        var best = _words.Word(text.Slice(at, 1)) ?? _words.UnknownCharacter;
        for (var start = at; start >= 0 && at - start < WordModel.MaxWordLength; start--)
        {
            if (!HanChar.IsHan(text[start]))
            {
                break;
            }

            for (var end = at + 1; end <= length && end - start <= WordModel.MaxWordLength; end++)
            {
                if (!HanChar.IsHan(text[end - 1]))
                {
                    break;
                }

                if (end - start > 1 && _words.Word(text[start..end]) is { } logp)
                {
                    // A longer word stands for more of the text: compare per character covered beyond the candidate.
                    best = Math.Max(best, logp - ((end - start - 1) * SingleCharacterFloor));
                }
            }
        }

        return best;
    }

    /// <summary>Score of left + middle + right; compare only scores with the same left and right.</summary>
    public double Score(ReadOnlySpan<char> left, ReadOnlySpan<char> middle, ReadOnlySpan<char> right)
    {
        var length = left.Length + middle.Length + right.Length;
        Span<char> text = length <= 256 ? stackalloc char[length] : new char[length];
        left.CopyTo(text);
        middle.CopyTo(text[left.Length..]);
        right.CopyTo(text[(left.Length + middle.Length)..]);
        return Segmentation(text) + Pairs(text) + Script(middle) + LoneLetters(text) + EncliticsAfterMarks(text);
    }

    /// <summary>
    /// A single Latin letter between Han characters or marks ("站?c的") is what a lost lead byte leaves of a
    /// character whose trail byte is ASCII; Chinese writes lone capitals ("C端", "A股") but hardly lone small letters,
    /// or lone symbols such as '_' and ']'.
    /// </summary>
    private double LoneLetters(ReadOnlySpan<char> text)
    {
        var penalty = 0.0;
        // The scored text ends where the text ends (callers pass all the right context there is), and so does a line.
        for (var i = 1; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\n';
            if (!char.IsAsciiLetter(c) && !IsStraySymbol(c))
            {
                continue;
            }

            if (!char.IsAsciiLetterUpper(c) && OutOfStepRepair.IsReplacementMark(text[i - 1]) && (i < 2 || IsChineseSide(text[i - 2])) && char.IsAsciiDigit(next))
            {
                // A small letter glued to a number right after a lost-byte mark ("公司?b2023") is the trail byte of the
                // character whose lead the mark stands for: a question mark is not followed by "b2023".
                penalty += LoneSmallLetter;
            }
            else if (IsChineseSide(text[i - 1]) && (next == '\n' || IsChineseSide(next)))
            {
                // A capital starts a Chinese word ("A股"); one that ends the text starts nothing, and nor does one between
                // a lost-byte mark and a punctuation mark ("大?S。", where 廠's lead byte was lost).
                var startsNothing = next == '\n' || (!HanChar.IsHan(next) && OutOfStepRepair.IsReplacementMark(text[i - 1]));
                penalty += !char.IsAsciiLetterUpper(c) || startsNothing ? LoneSmallLetter
                    : NoTermAfter(text[(i + 1)..]) ? CapitalBeforeNoTerm : LoneCapital;
            }
        }

        return penalty;
    }

    /// <summary>
    /// Best score over all ways to cut the text into words and single characters: the sum of the words'
    /// log-probabilities, plus for each pair of adjacent Han words how much more (or less) often the corpus writes
    /// them together than their frequencies predict. A unigram model cannot tell "將於" from "就於", or "增加了約"
    /// from "增加了都"; the word pairs can. A Viterbi pass whose state is the last word.
    /// </summary>
    private double Segmentation(ReadOnlySpan<char> text)
    {
        const int width = WordModel.MaxWordLength + 1;
        var n = text.Length;
        Span<char> simplified = n <= 256 ? stackalloc char[n] : new char[n];
        for (var i = 0; i < n; i++)
        {
            simplified[i] = ChineseScript.ToSimplified(text[i]);
        }

        var cells = (n + 1) * width;
        // last[p * width + L]: best score of text[..p] whose last token is the Han word of length L ending at p.
        // logp[p * width + L]: that word's log-probability (NaN: not a dictionary word).
        Span<double> last = cells <= 2048 ? stackalloc double[cells] : new double[cells];
        Span<double> logp = cells <= 2048 ? stackalloc double[cells] : new double[cells];
        // plain[p]: best score of text[..p] whose last token is not a Han word (or the empty start).
        Span<double> plain = n < 256 ? stackalloc double[n + 1] : new double[n + 1];
        last.Fill(double.NegativeInfinity);
        logp.Fill(double.NaN);
        plain.Fill(double.NegativeInfinity);
        plain[0] = 0;

        for (var end = 1; end <= n; end++)
        {
            var c = text[end - 1];
            if (!HanChar.IsHan(c))
            {
                plain[end] = AfterWord(plain, last, logp, simplified, end - 1, PunctuationWidth.ToWide(c)) + Single(c, simplified[end - 1]);
                if (char.IsAsciiDigit(c) && end >= 2 && simplified[end - 2] == '第' && (end < 3 || !char.IsAsciiDigit(text[end - 3])))
                {
                    // An ordinal ("第15个"): the word-pair corpus writes it as one number token, so 第 is never seen before a
                    // number and its pairs would count against it. Read as part of the number, at the ordinals' share.
                    plain[end] = Math.Max(plain[end], AfterWord(plain, last, logp, simplified, end - 2, c) + Single(c, c) + OrdinalShare);
                }

                continue;
            }

            for (var length = 1; length <= WordModel.MaxWordLength && length <= end; length++)
            {
                var start = end - length;
                if (!HanChar.IsHan(text[start]))
                {
                    break;
                }

                var word = simplified[start..end];
                var known = _words.Word(word);
                if (known is null && length > 1)
                {
                    continue;
                }

                var wordScore = known ?? _words.UnknownCharacter;
                var before = plain[start];
                if (known is { } wordLogp && start > 0 && char.IsAsciiDigit(text[start - 1]))
                {
                    before += NumberPairEvidence(word, wordLogp);
                }

                if (known is { } lp)
                {
                    logp[(end * width) + length] = lp;
                    for (var previous = 1; previous <= WordModel.MaxWordLength && previous <= start; previous++)
                    {
                        var state = last[(start * width) + previous];
                        if (double.IsNegativeInfinity(state))
                        {
                            continue;
                        }

                        var previousLogp = logp[(start * width) + previous];
                        var pair = double.IsNaN(previousLogp) ? 0 : PairEvidence(simplified[(start - previous)..start], previousLogp, word, lp);
                        before = Math.Max(before, state + pair);
                    }
                }
                else
                {
                    // A character the dictionary does not know says nothing about its neighbours.
                    before = Best(plain, last, start);
                }

                last[(end * width) + length] = before + wordScore;
            }
        }

        return Best(plain, last, n);
    }

    /// <summary>
    /// The best score of text[..p] followed by a mark: a Han word before it gains or loses by how often the corpus
    /// writes that word before that mark ("吗？" often, "吗，" seldom).
    /// </summary>
    private double AfterWord(ReadOnlySpan<double> plain, ReadOnlySpan<double> last, ReadOnlySpan<double> logp, ReadOnlySpan<char> simplified, int p, char wide)
    {
        var date = char.IsAsciiDigit(wide) && IsDate(simplified[p..]);
        var markShare = date ? DateAfterWord : MarkAfterWord(wide);
        if (markShare <= 0)
        {
            return Best(plain, last, p);
        }

        const int width = WordModel.MaxWordLength + 1;
        var value = plain[p];
        for (var length = 1; length <= WordModel.MaxWordLength && length <= p; length++)
        {
            var state = last[(p * width) + length];
            if (double.IsNegativeInfinity(state))
            {
                continue;
            }

            var wordLogp = logp[(p * width) + length];
            value = Math.Max(value, double.IsNaN(wordLogp) ? state : state + MarkPairEvidence(wide, markShare, simplified[(p - length)..p], wordLogp, date));
        }

        return value;
    }

    /// <summary>
    /// As <see cref="PairEvidence"/>, for a Han word and the full-width mark or the number after it. Only that order:
    /// the corpus writes no pair across "。？！：；", and a word after a comma is evidence about the word, which the word
    /// model already weighs; measured, the mark before a word changed clean text ("?,醫師" read as "式A醫師"), and the
    /// number before a word gained nothing a test could pin.
    /// </summary>
    private double MarkPairEvidence(char mark, double markShare, ReadOnlySpan<char> word, double wordLogp, bool date) =>
        (char.IsAsciiDigit(mark) ? NumberWordWeight : MarkPairWeight)
        * Lift(_pairs.Count(word, date ? DateToken : char.IsAsciiDigit(mark) ? NumberToken : [mark]), _pairs.Total * Math.Exp(wordLogp) * markShare);

    /// <summary>
    /// The word-pair corpus writes a date ("5月", "1日", "2023年") as this one token, not as a number and a word: the
    /// words before a date are its pairs ("于2023年" often), and the number token's say little about them.
    /// </summary>
    internal const string DateToken = "未##时";

    /// <summary>The date token's share after a word, estimated as the marks' are (MarkPairTests checks it).</summary>
    internal const double DateAfterWord = 4.62e-3;

    /// <summary>
    /// Whether a number is one the corpus writes as a date: its digits followed by 月 or 日, or a year's four (from 1000
    /// to 2999) by 年; "5年" and "5000年" are a number and a measure word there. A leading '0' is a swallowed digit's
    /// stand-in (no number is written so), and may be the year's first.
    /// </summary>
    internal static bool IsDate(ReadOnlySpan<char> number)
    {
        var digits = 0;
        while (digits < number.Length && char.IsAsciiDigit(number[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < number.Length
            && (number[digits] is '月' or '日' || (number[digits] == '年' && digits == 4 && number[0] is '0' or '1' or '2'));
    }

    /// <summary>
    /// As <see cref="PairEvidence"/>, for a number and the Han word after it: "27條" is written often, so a measure word
    /// after a figure gains. Only gains: the corpus writes a number with its 万 or 亿 as one number token, and a date
    /// ("5月", "1日") as a time token, so a word it seldom writes after the number token may still follow numbers often.
    /// </summary>
    private double NumberPairEvidence(ReadOnlySpan<char> word, double wordLogp) =>
        NumberWordWeight * Math.Max(0, Lift(_pairs.Count(NumberToken, word), _pairs.Total * Math.Exp(wordLogp) * MarkAfterWord('0')));

    /// <summary>
    /// The word-pair corpus writes every number as this one token: its pairs say which words come before numbers
    /// ("原价3000" often, "原籍3000" never).
    /// </summary>
    internal const string NumberToken = "未##数";

    /// <summary>
    /// The share of the word-pair corpus's tokens that each mark makes, seen after a word: estimated from the table
    /// itself as the sum of count(word@mark) over the 3,000 commonest dictionary words, over the table's total times
    /// their summed probability (MarkPairTests checks these against the table).
    /// </summary>
    internal static double MarkAfterWord(char wide) => wide switch
    {
        '，' => 7.14e-2,
        '。' => 3.08e-2,
        '、' => 1.29e-2,
        '“' => 6.49e-3,
        '”' => 3.51e-3,
        '：' => 3.72e-3,
        '？' => 7.87e-4,
        '！' => 3.87e-4,
        '；' => 1.80e-3,
        '（' => 1.36e-3,
        '）' => 2.12e-3,
        '《' => 1.51e-3,
        '》' => 9.93e-4,
        // A number: the corpus's number token (NumberToken), counted the same way.
        >= '0' and <= '9' => 1.60e-2,
        _ => 0,
    };

    /// <summary>The best score of text[..p] whatever its last token.</summary>
    private static double Best(ReadOnlySpan<double> plain, ReadOnlySpan<double> last, int p)
    {
        const int width = WordModel.MaxWordLength + 1;
        var value = plain[p];
        for (var length = 1; length <= WordModel.MaxWordLength && length <= p; length++)
        {
            value = Math.Max(value, last[(p * width) + length]);
        }

        return value;
    }

    /// <summary>
    /// Log of how much more often the word pair occurs than chance, (count + 1) / (expected + 1): a pair the corpus
    /// writes often scores above zero, a pair of common words it never writes well below.
    /// </summary>
    private double PairEvidence(ReadOnlySpan<char> first, double firstLogp, ReadOnlySpan<char> second, double secondLogp)
    {
        if (IsHanNumber(second))
        {
            // The corpus writes a number in Chinese numerals ("三分之一", "二十多") as its number token, as it does digits.
            return IsHanNumber(first) ? 0 : MarkPairEvidence('0', MarkAfterWord('0'), first, firstLogp, date: false);
        }

        return IsHanNumber(first)
            ? NumberPairEvidence(second, secondLogp)
            : WordPairWeight * Lift(_pairs.Count(first, second), _pairs.Total * Math.Exp(firstLogp + secondLogp));
    }

    /// <summary>
    /// A number written in Chinese numerals of two characters or more ("三分之一", "二十多", "五万"): the word-pair corpus
    /// writes these as its number token. A numeral alone ("一", "两") it keeps as a word.
    /// </summary>
    internal static bool IsHanNumber(ReadOnlySpan<char> word) =>
        word.Length >= 2 && !word.ContainsAnyExcept(HanNumerals) && word.IndexOfAny(HanDigits) >= 0;

    /// <summary>Log of how much more often a pair occurs than its parts predict, smoothed: (count + 1) / (expected + 1).</summary>
    private static double Lift(int count, double expected) => Math.Log((count + 1) / (expected + 1));

    private double Single(char c, char simplified)
    {
        if (HanChar.IsHan(c))
        {
            return _words.Word([simplified]) ?? _words.UnknownCharacter;
        }

        if (c == '\uFFFD')
        {
            // A character lost to a decoder: as likely as an ordinary one, so a reading must earn its lead with the
            // text around the mark, not by getting rid of the mark.
            return LostCharacter;
        }

        // A page that was misread repeats its mojibake as often as its text: its own counts would vouch for it.
        return IsMojibakeMaterial(c) ? Math.Log(ClassPrior(c)) : Math.Log(Math.Max(ClassPrior(c), _page.Unigram(c)));
    }

    private static bool IsMojibakeMaterial(char c) =>
        c >= '\u0080' && !HanChar.IsHan(c) && CharEvidence.Weight(c) >= 2 && !PinyinReadings.IsPinyinLetter(c);

    /// <summary>
    /// How much more often the page writes a pair involving punctuation or Latin text than chance: "。”" and "嗎？"
    /// are habits a page shows many times; Han pairs are left to the word model.
    /// </summary>
    private double Pairs(ReadOnlySpan<char> text)
    {
        var total = 0.0;
        for (var i = 1; i < text.Length; i++)
        {
            var a = text[i - 1];
            var b = text[i];
            if ((HanChar.IsHan(a) && HanChar.IsHan(b)) || IsMojibakeMaterial(a) || IsMojibakeMaterial(b))
            {
                continue;
            }

            var conditional = _page.Conditional(a, b);
            if (conditional > 0)
            {
                var unigram = Math.Max(_page.PairUnigram(a, b), 1e-4);
                total += PairWeight * Math.Log(1 + (conditional / unigram));
            }
            else if (IsMark(a) && IsMark(b))
            {
                // Two marks in a row that the page never writes ("?!", "!?", "？？") are what garbling leaves behind; a
                // clause or sentence mark written twice ("。。") is what nobody writes.
                total += UnseenMarkPair + (IsNeverDoubled(a) && PunctuationWidth.ToWide(a) == PunctuationWidth.ToWide(b) ? DoubledMark : 0);
            }
        }

        return total;
    }

    /// <summary>
    /// Whether the longest dictionary word at the start of the text (Han characters) is one no lone capital makes a term
    /// with (<see cref="WordModel.NoTermAfterCapital"/>); a mark or a character the dictionary lacks says nothing.
    /// </summary>
    /// <summary>
    /// A particle or suffix right after a clause or sentence mark ("；了", "，的"): it leans on the word before it, and a
    /// mark there means the mark is wrong (a lost lead byte whose trail byte reads as Big5's "；" in "平均?F了").
    /// </summary>
    private double EncliticsAfterMarks(ReadOnlySpan<char> text)
    {
        var penalty = 0.0;
        for (var i = 1; i < text.Length; i++)
        {
            if (HanChar.IsHan(text[i]) && IsNeverDoubled(text[i - 1]) && StartsWithWord(text[i..], static (words, word) => words.IsEnclitic(word)))
            {
                penalty += EncliticAfterMark;
            }
        }

        return penalty;
    }

    private bool NoTermAfter(ReadOnlySpan<char> text) => StartsWithWord(text, static (words, word) => words.NoTermAfterCapital(word));

    /// <summary>Whether the longest dictionary word at the start of the text (Han characters) has the property; false when none.</summary>
    private bool StartsWithWord(ReadOnlySpan<char> text, Func<WordModel, ReadOnlySpan<char>, bool> property)
    {
        Span<char> simplified = stackalloc char[WordModel.MaxWordLength];
        var n = 0;
        while (n < text.Length && n < WordModel.MaxWordLength && HanChar.IsHan(text[n]))
        {
            simplified[n] = ChineseScript.ToSimplified(text[n]);
            n++;
        }

        for (var length = n; length >= 1; length--)
        {
            if (_words.Word(simplified[..length]) is not null)
            {
                return property(_words, simplified[..length]);
            }
        }

        return false;
    }

    /// <summary>ASCII symbols that Chinese prose does not write alone between its characters; a misread trail byte often is one.</summary>
    internal static bool IsStraySymbol(char c) => c is '@' or '[' or '\\' or ']' or '^' or '_' or '`' or '{' or '|' or '}' or '~';

    private static bool IsChineseSide(char c) =>
        HanChar.IsHan(c) || HanChar.IsCjkPunctuation(c) || OutOfStepRepair.IsReplacementMark(c) || (PunctuationWidth.IsFoldable(c) && c is not ('(' or ')'));

    // The marks that end a clause or a sentence; unlike '…', '—', '！' or '？', never written twice in a row.
    private static bool IsNeverDoubled(char c) => PunctuationWidth.ToWide(c) is '，' or '。' or '、' or '；' or '：';

    private static bool IsMark(char c) => !HanChar.IsHan(c) && !char.IsLetterOrDigit(c) && !char.IsWhiteSpace(c);

    private double Script(ReadOnlySpan<char> text)
    {
        var penalty = 0.0;
        foreach (var c in text)
        {
            if (_page.IsTraditional ? ChineseScript.IsSimplifiedOnly(c) : ChineseScript.IsTraditionalOnly(c))
            {
                penalty += ScriptPenalty;
            }
            else if (_page.IsTraditional && HanChar.IsHan(c) && ChineseScript.ToTraditional(ChineseScript.ToSimplified(c)) != c)
            {
                // The word model counts simplified words, and several traditional characters can share one simplified
                // form (製 and 制, 纔 and 才): the words belong mostly to the form the conversion table writes, so
                // another form takes only a share of their credit ("製度" is not "制度").
                penalty += SecondaryFormPenalty;
            }
        }

        return penalty;
    }

    private static double ClassPrior(char c) => c switch
    {
        '，' or '。' or '、' or '“' or '”' or '：' or '？' or '！' or '；' or '（' or '）' or '《' or '》' or '—' or '…' => 3e-3,
        ',' or '.' or ':' or '?' or '!' or ';' or '(' or ')' => 1e-3,
        '\n' => 1e-3,
        _ when char.IsAsciiLetterOrDigit(c) => 3e-4,
        _ when c < 0x80 => 1e-4,
        _ when HanChar.IsCjkPunctuation(c) => 1e-5,
        // Greek, Cyrillic, kana, box drawing and the like are what mojibake is made of.
        _ => 1e-7,
    };
}
