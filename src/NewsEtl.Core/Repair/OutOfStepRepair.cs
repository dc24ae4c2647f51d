using System.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Undoes a double-byte stream (GBK or Big5) that a stateless decoder read chunk by chunk: where a chunk
/// ended inside a character its lead byte became '?', and the next chunk was read one byte out of step
/// until a single-byte character realigned it. The garbled run is encoded back to bytes, shifted by the
/// lost byte, and decoded again; bytes the damage destroyed are inferred from their context.
/// </summary>
internal sealed class OutOfStepRepair
{
    /// <summary>Log-odds against damage at any one place: a reading must beat the text as it stands by this much.</summary>
    internal const double DamagePrior = 6.0;

    /// <summary>
    /// The same for a lost-byte mark: a '?' or U+FFFD that does not read as a question mark before common text
    /// (<see cref="ReadsClean"/>) is already evidence of damage, so a realigned reading needs a smaller lead
    /// (e^4, about 55 to 1) over the text as it stands. Not when a character is inferred with both its bytes lost:
    /// then context alone chose it, and the reading needs the full <see cref="DamagePrior"/>.
    /// </summary>
    internal const double MarkPrior = 4.0;

    /// <summary>
    /// The lead over the text as it stands at which a reading of a '?' and one letter is reported though it falls short
    /// of the bar for a change: a lost lead byte whose trail is a letter (Big5's comma is A1 41, "?A"; GBK's 業 is
    /// 98 49, "?I"), which clean text writes too ("為什麼?A公司"). A span left silently is damage nobody sees, and a
    /// report only asks for review.
    /// </summary>
    internal const double ReportPrior = 2.0;

    // How far a run is read. A run goes on until an ASCII byte realigns the decoder, and a paragraph with no digit or
    // Latin letter in it can be out of step to its end: at 96 characters such runs were left whole (a damaged mirror's
    // body kept 4,391 wrong characters in 300 pages; 859 at 400).
    private const int MaxRunLength = 400;
    private const int MaxHypotheses = 32;
    private const int MinCleanStretch = 3;

    // How far after a '?' another mark is looked for, that may be the lost byte while the first is a question mark.
    private const int MaxWrittenBeforeLaterMark = 3;

    // How far after a '?' the text is tried as UTF-8 read as GBK, and how many characters it must read as to be one.
    // Out-of-step garble breaks the decoding sooner: at three, GBK out-of-step damage had 41 characters more wrong in
    // the benchmark (runs taken for misread UTF-8); at four or more, none.
    internal const int MisreadProbe = 12;
    internal const int MinMisreadCharacters = 5;

    // How far after a swallowed byte a closing bracket is looked for.
    private const int MaxBracketReach = 24;

    // NEWSETL_DEBUG=1 (or 2, which adds the rankings) prints every candidate reading and its score to standard error; read once.
    private static readonly bool Debug = Environment.GetEnvironmentVariable("NEWSETL_DEBUG") is "1" or "2";

    private readonly TextScorer _scorer;
    private readonly IReadOnlyList<DoubleByteCodec> _codecs;
    private readonly SlotResolver _resolver;
    private readonly int _maxMarks;

    public OutOfStepRepair(TextScorer scorer, IReadOnlyList<DoubleByteCodec> codecs, int maxMarks = int.MaxValue)
    {
        _scorer = scorer;
        _codecs = codecs;
        _maxMarks = maxMarks;
        _resolver = new SlotResolver(scorer);
    }

    public static bool IsReplacementMark(char c) => c is '?' or '\uFFFD';

    public RepairResult Apply(string text)
    {
        if (text.IndexOfAny(['?', '\uFFFD']) < 0)
        {
            return RepairResult.Unchanged(text);
        }

        var edits = new List<TextEdit>();
        var suspects = new List<Suspect>();
        var marks = 0;
        var output = new StringBuilder(text.Length);
        // Quotes open in the output so far, kept as the output grows: each mark needs it, and rescanning is quadratic.
        var depth = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (IsReplacementMark(text[i]) && Reads(text, i, out var nextMark) is var stretch and not Stretch.Clean && !MisreadUtf8After(text, i))
            {
                if (++marks > _maxMarks)
                {
                    // Past the budget the rest of the text stays as it is, reported once.
                    suspects.Add(new Suspect("out-of-step", output.Length, text[i..Math.Min(text.Length, i + MaxRunLength)], $"more than {_maxMarks} possible lost bytes in one text; the rest was not analysed"));
                    output.Append(text, i, text.Length - i);
                    break;
                }

                var left = new Left(NoteFreeContext.End(output, SlotResolver.Context), depth, NoteFreeContext.End(output, QuestionClause.MaxClause + 1));
                var reading = BestReading(text, i, left, stretch == Stretch.CommonToMark ? nextMark + 1 : -1);
                if (reading is { Unsure: false } && LaterMarkReadsBetter(text, i, left, reading))
                {
                    // "付费??鞑橄": a question mark the page wrote, then the lost byte. The reading that keeps the first mark
                    // is taken up at the next one.
                    output.Append(text[i]);
                    depth = QuoteBalance.Next(depth, text[i]);
                    i++;
                    continue;
                }

                if (reading is { Unsure: true })
                {
                    suspects.Add(new Suspect(reading.Kind, output.Length, text[i..reading.End], $"may be damage for \"{reading.Text}\" (a lost lead byte whose trail is a letter), or a question mark before a capital; left as it is"));
                }
                else if (reading is not null)
                {
                    var lost = reading.Text.IndexOf(SlotResolver.LostByte, StringComparison.Ordinal);
                    if (lost >= 0 && SwallowedMark(text, reading, lost, output) is var (mark, why) and not ('\0', _))
                    {
                        // "不愿超时?一位", "明年(2026年)": an ASCII mark the lead byte before it swallowed, told by the text around it.
                        reading = reading with { Text = string.Concat(reading.Text.AsSpan(0, lost), mark.ToString(), reading.Text.AsSpan(lost + 1)) };
                        suspects.Add(new Suspect(reading.Kind, output.Length + lost, mark.ToString(), $"the decoder swallowed an ASCII byte here; read as '{mark}', {why}"));
                    }
                    else if (lost >= 0)
                    {
                        suspects.Add(new Suspect(reading.Kind, output.Length + lost, SlotResolver.LostByte, "the decoder swallowed a digit or ASCII mark here; nothing tells which, so it stands as U+FFFD"));
                    }

                    edits.Add(new TextEdit(reading.Kind, output.Length, text[i..reading.End], reading.Text, reading.Confidence));

                    output.Append(reading.Text);
                    foreach (var c in reading.Text)
                    {
                        depth = QuoteBalance.Next(depth, c);
                    }

                    i = reading.End;
                    continue;
                }
            }

            output.Append(text[i]);
            depth = QuoteBalance.Next(depth, text[i]);
            i++;
        }

        return edits.Count == 0 && suspects.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(output.ToString(), edits, suspects);
    }

    /// <summary>
    /// A '?' followed by a stretch of common characters of the page's script is a question mark, not a lost byte:
    /// text decoded out of step is made of byte pairs that mostly read as rare characters, symbols and kana.
    /// Short stretches prove nothing either way and get the full analysis. So does a stretch of common characters
    /// that runs from a '?' into another mark ("?统盗尽?", "?烤屯黄屏?0"): out-of-step text sometimes reads as common
    /// characters, and its run ends where a lead byte swallowed an ASCII byte, at that mark. Such a run is read only
    /// as ending there (<paramref name="nextMark"/>), and held to the full <see cref="DamagePrior"/>, as the
    /// characters themselves do not speak for damage.
    /// </summary>
    private Stretch Reads(string text, int mark, out int nextMark)
    {
        nextMark = -1;
        if (mark + 1 < text.Length && StandsForLoneByte(text[mark + 1]))
        {
            // "?€打席": a character a high byte makes on its own (GBK's 0x80 is '€') right after the mark is that
            // byte left as the trail of the character whose lead the mark stands for.
            return Stretch.Damaged;
        }

        var traditional = _scorer.Page.IsTraditional;
        var end = mark + 1;
        while (end < text.Length && end - mark <= MaxRunLength && text[end] >= '\u0080' && !IsReplacementMark(text[end]))
        {
            // A character a high byte makes alone ("?暇€首周": 上線's 0x80) realigned the decoder as an ASCII byte would:
            // the stretch before it is out of step, however common its characters.
            if (Text.CharEvidence.Weight(text[end], traditional) > 0 || EndsOutOfStep(text, mark + 1, end))
            {
                return Stretch.Damaged;
            }

            end++;
        }

        // A letter or a symbol alone between Chinese characters, or before the note a converter wrote after one
        // ("?玫南螺d量": 載 is DD 64; "坦?裕骸斑@(zhè)不是": 這 is DF 40), is a trail byte read as ASCII, which is where an
        // out-of-step run ends; the run may have passed a pair of bytes that read as a full-width mark, folded since
        // ("最大?慕逃枴!惫夥M件": A3 A1 is '！', and 組 is BD 4D).
        var tail = end;
        while (tail < text.Length && tail - mark <= MaxRunLength
            && ((text[tail] >= '\u0080' && !IsReplacementMark(text[tail])) || (text[tail] != '?' && PunctuationWidth.IsFoldable(text[tail]))))
        {
            tail++;
        }

        if (EndsAtTrailByte(text, end) || (tail > end && EndsAtTrailByte(text, tail)))
        {
            return Stretch.Damaged;
        }

        if (end - mark - 1 < MinCleanStretch)
        {
            return Stretch.Damaged;
        }

        // Only for the '?' a double-byte decoder leaves: a U+FFFD before common text is a character lost whole,
        // and reading every such stretch again would make a text full of them costly.
        if (text[mark] == '?' && end < text.Length && IsReplacementMark(text[end]))
        {
            nextMark = end;
            return Stretch.CommonToMark;
        }

        // The same past a byte pair that read as a full-width mark ("最大?慕萄怠!?": 的教训。” with 。 as A1 A3 read
        // A3 A1, '！', and the quote's last byte swallowing the line break).
        if (text[mark] == '?' && tail > end && tail < text.Length && IsReplacementMark(text[tail]))
        {
            nextMark = tail;
            return Stretch.CommonToMark;
        }

        return Stretch.Clean;
    }

    /// <summary>
    /// True when the mark at <paramref name="start"/> is followed by another one and a reading from that one beats
    /// <paramref name="reading"/>: the first mark is then a question mark as written, not a lost byte.
    /// </summary>
    private bool LaterMarkReadsBetter(string text, int start, Left left, Reading reading)
    {
        if (text[start] != '?')
        {
            return false;
        }

        // The next mark, right after this one or past a few characters ("付费?调?橄允荆": the question, 调, then the
        // lost lead byte of 查); the text between is read as written.
        var next = start + 1;
        while (next < text.Length && next - start <= MaxWrittenBeforeLaterMark && !IsReplacementMark(text[next]))
        {
            next++;
        }

        if (next >= text.Length || next - start > MaxWrittenBeforeLaterMark || next >= reading.End)
        {
            return false;
        }

        var depth = left.Depth;
        for (var k = start; k < next; k++)
        {
            depth = QuoteBalance.Next(depth, text[k]);
        }

        var tail = string.Concat(left.Tail, text.AsSpan(start, next - start));
        var clause = string.Concat(left.Clause, text.AsSpan(start, next - start));
        var later = BestReading(text, next, new Left(tail[^Math.Min(SlotResolver.Context, tail.Length)..], depth, clause), -1);
        return later is { Unsure: false } && later.Margin > reading.Margin;
    }

    /// <summary>
    /// True when the text after a '?' is UTF-8 read as GBK for several characters ("吗?鍦ㄤ笂娴风殑": 在上海的): the '?' is
    /// not a lost lead byte of an out-of-step run but a mark before (or inside) a misread run, which the whole-run
    /// repair reads. Read out of step, such a run turns into other garble the model may still prefer.
    /// </summary>
    private static bool MisreadUtf8After(string text, int mark) =>
        mark + 1 < text.Length && Utf8Misreading.AsGbk.Utf8Length(text, mark + 1, MisreadProbe) >= MinMisreadCharacters;

    /// <summary>A letter or symbol alone at <paramref name="at"/>, before a Chinese character or a note: a trail byte read as ASCII.</summary>
    private static bool EndsAtTrailByte(string text, int at) =>
        at + 1 < text.Length && (char.IsAsciiLetter(text[at]) || TextScorer.IsStraySymbol(text[at]))
        && (Text.HanChar.IsHan(text[at + 1]) || text[at + 1] is '(' or '（');

    /// <summary>
    /// True when the character at <paramref name="end"/> is one a charset decodes from a single high byte and the
    /// stretch from <paramref name="start"/> through it, written back in that charset, is no UTF-8: then that byte
    /// realigned an out-of-step decoder. UTF-8 read as GBK leaves the same '€' for a continuation byte 0x80
    /// ("涓€" is 一, E4 B8 80), and that run is the whole-run repair's.
    /// </summary>
    private bool EndsOutOfStep(string text, int start, int end)
    {
        foreach (var codec in _codecs)
        {
            if (text[end] < '\u0080' || codec.SingleByteOf(text[end]) is not { } alone)
            {
                continue;
            }

            Span<byte> bytes = stackalloc byte[(2 * (end - start)) + 1];
            var length = 0;
            for (var i = start; i < end; i++)
            {
                var pair = codec.BytesOf(text[i]);
                if (pair == 0)
                {
                    return true;
                }

                bytes[length++] = (byte)(pair >> 8);
                bytes[length++] = (byte)pair;
            }

            bytes[length++] = alone;
            return !System.Text.Unicode.Utf8.IsValid(bytes[..length]);
        }

        return false;
    }

    /// <summary>True for a character that one of the charsets decodes from a single high byte, such as GBK's '€' (0x80).</summary>
    private bool StandsForLoneByte(char c)
    {
        foreach (var codec in _codecs)
        {
            if (c >= '\u0080' && codec.SingleByteOf(c) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <param name="onlyEnd">When not -1, the one place the run may end, and the reading is held to <see cref="DamagePrior"/>.</param>
    private Reading? BestReading(string text, int start, Left left, int onlyEnd)
    {
        Reading? best = null;
        // The text as it stands is scored once per end: hypotheses of both charsets often end at the same place.
        var originalScores = new Dictionary<int, double>();
        foreach (var codec in _codecs)
        {
            if (!codec.WritesSimplifiedScript && !_scorer.Page.IsTraditional)
            {
                // A page in simplified script was not a Big5 stream: a Big5 reading of it is a coincidence.
                continue;
            }

            foreach (var (tokens, end) in Hypotheses(text, start, codec))
            {
                if (onlyEnd >= 0 && end != onlyEnd)
                {
                    continue;
                }

                var slots = Realign(tokens, codec);
                if (slots is null)
                {
                    continue;
                }

                var candidate = Consider(text, start, end, left, slots, codec, originalScores, onlyEnd >= 0);
                if (candidate is not null && (best is null || candidate.Margin > best.Margin))
                {
                    best = candidate;
                }
            }
        }

        return best;
    }

    private Reading? Consider(string text, int start, int end, Left left, List<Slot> slots, DoubleByteCodec codec, Dictionary<int, double> originalScores, bool strict)
    {
        var following = text.AsSpan(end);
        var readings = _resolver.Resolve(slots, left.Tail, left.Depth, left.Clause, following, codec);
        // The best reading first; a runner-up only when the best one does not beat the text as it stands (one that
        // beats it only by the lower bar is kept in case none does).
        Reading? unsure = null;
        foreach (var resolved in readings ?? [])
        {
            if (Consider(text, start, end, left, slots, codec, resolved, originalScores, strict) is { } reading)
            {
                if (!reading.Unsure)
                {
                    return reading;
                }

                unsure ??= reading;
            }
        }

        return unsure;
    }

    private Reading? Consider(string text, int start, int end, Left left, List<Slot> slots, DoubleByteCodec codec, string resolved, Dictionary<int, double> originalScores, bool strict)
    {
        if (resolved.Length == 0)
        {
            return null;
        }

        var following = text.AsSpan(end);
        // A swallowed byte is inferred from the text after it, so it is no evidence either way: leave it out of the score.
        var scored = slots[^1].Kind == SlotKind.UnknownAscii ? resolved.AsSpan(0, resolved.Length - Swallowed(resolved, slots)) : resolved.AsSpan();
        var leftTail = left.Tail.AsSpan();
        // The model sees the text after the span without a converter's note (nor the rest of one whose '(' was swallowed).
        var afterNote = slots[^1].Kind == SlotKind.UnknownAscii && NoteFreeContext.RestOfNote(following) is { } rest ? following[rest..] : following;
        var right = EndOfText(NoteFreeContext.Start(afterNote, SlotResolver.Context)).AsSpan();
        if (!originalScores.TryGetValue(end, out var originalScore))
        {
            originalScore = _scorer.Score(leftTail, text.AsSpan(start, end - start), right)
                + NoteEvidence.For(text[end - 1], Text.PinyinReadings.NoteAt(following));
            originalScores[end] = originalScore;
        }

        // A reading the page itself writes between the same neighbours (a repeated article's other copy) gains its
        // evidence here too: the copy vouches for the reading, as the text around it does.
        var completed = WithoutCompletedNote(leftTail, resolved, scored, out var modelLeft, out var modelMiddle);
        var candidateScore = _scorer.Score(modelLeft, modelMiddle, right) + completed + QuoteBalance.Score(left.Depth, scored.IsEmpty ? ' ' : scored[0])
            + QuoteBalance.Unclosed(scored, following) + BracketBalance.Unclosed(scored, afterNote) + _resolver.Attested(left.Tail, resolved, following)
            + (scored.IsEmpty ? 0 : NoteEvidence.For(scored[^1], SlotResolver.NoteAfter(slots, slots[^1].Kind == SlotKind.UnknownAscii ? slots.Count - 2 : slots.Count - 1, following)));
        var ambiguous = IsQuestionThenLetter(text, start, end) && resolved.Length == 1 && !Text.HanChar.IsHan(resolved[0]);
        var prior = strict || ambiguous || slots.Exists(s => s.Kind == SlotKind.LostBoth) || text[start] == '\uFFFD' ? DamagePrior : MarkPrior;
        var margin = candidateScore - originalScore - prior;
        if (Debug)
        {
            Console.Error.WriteLine($"[{codec.Name}] {text[start..end]} -> {resolved} original {originalScore:F2} candidate {candidateScore:F2} margin {margin:F2}");
        }

        var shown = _scorer.Page.FoldsPunctuation ? Narrow(resolved) : resolved;
        if (margin > 0 && StillImprobable(resolved, text.AsSpan(start, end - start)))
        {
            return null;
        }

        if (margin <= 0)
        {
            // Below the bar a change needs, but a clear lead: likely damage, and clean text writes it too. Reported, not changed.
            return IsQuestionThenLetter(text, start, end) && !strict && margin + prior - ReportPrior > 0
                ? new Reading(codec.Name + "-out-of-step", end, shown, margin, 0, Unsure: true)
                : null;
        }

        var confidence = 1 - Math.Exp(-margin / 2);
        return new Reading(codec.Name + "-out-of-step", end, shown, margin, Math.Round(confidence, 3));
    }

    /// <summary>
    /// True when a reading is as improbable as the text it would replace: it holds characters clean text hardly writes,
    /// two very rare ones' worth at least, and half the text's own. Read out of step, a run of other damage (UTF-8 read
    /// as GBK after a question mark, "吗?鍦ㄤ笂娴风殑") turns into more of the same ("清湪涓婃捣鐨勪竴"), which a model of
    /// the text may still prefer; a repair explains the improbable characters, and that one explains none.
    /// </summary>
    private bool StillImprobable(ReadOnlySpan<char> reading, ReadOnlySpan<char> original)
    {
        var traditional = _scorer.Page.IsTraditional;
        var left = 0;
        foreach (var c in reading)
        {
            // A lost byte left as U+FFFD is no improbable character of the reading's own.
            left += c == '\uFFFD' ? 0 : Text.CharEvidence.Weight(c, traditional);
        }

        if (left < 2 * Text.CharEvidence.Strong)
        {
            return false;
        }

        var before = 0;
        foreach (var c in original)
        {
            before += Text.CharEvidence.Weight(c, traditional);
        }

        return 2 * left >= before;
    }

    /// <summary>
    /// The ASCII mark a reading's swallowed byte (below 0x40, at <paramref name="lost"/>, the reading's end) stands for
    /// when the text around it tells, with the reason; '\0' when it does not and the byte stays U+FFFD. A '(' when a
    /// ')' follows on the line before any '(' and no bracket is open before it; a ')' when a bracket is open before it
    /// and none closes after it; a '?' when the clause before it asks (<see cref="QuestionClause"/>) and Chinese text
    /// or the end of the line follows, where a digit or a figure's mark would not stand. The text before is read as
    /// repaired so far.
    /// </summary>
    private (char Mark, string Why) SwallowedMark(string text, Reading reading, int lost, StringBuilder output)
    {
        if (lost != reading.Text.Length - 1 || lost == 0)
        {
            return ('\0', string.Empty);
        }

        var before = NoteFreeContext.End(output, QuestionClause.MaxClause + 1) + reading.Text[..lost];
        var lineStart = before.LastIndexOf('\n') + 1;
        var open = Unclosed(before.AsSpan(lineStart));
        var after = text.AsSpan(reading.End, Math.Min(MaxBracketReach, text.Length - reading.End));
        var lineEnd = after.IndexOf('\n');
        after = lineEnd >= 0 ? after[..lineEnd] : after;
        var close = after.IndexOf(')');
        var next = after.IndexOf('(');
        if (!open && close > 0 && (next < 0 || next > close))
        {
            return ('(', "as a ')' follows that nothing opened");
        }

        if (open && close < 0 && after.Length < MaxBracketReach && Text.HanChar.IsHan(before[^1]))
        {
            return (')', "as a '(' before it is never closed");
        }

        if (!Text.HanChar.IsHan(before[^1]) || (!after.IsEmpty && !Text.HanChar.IsHan(after[0]) && !Text.HanChar.IsCjkPunctuation(after[0])))
        {
            return ('\0', string.Empty);
        }

        return QuestionClause.Read(before, _scorer.Page.IsTraditional) == ClauseReading.Asks ? ('?', "as the clause before it asks a question") : ('\0', string.Empty);
    }

    /// <summary>True when the text holds an ASCII '(' that no ')' after it closes.</summary>
    private static bool Unclosed(ReadOnlySpan<char> text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth = c == '(' ? depth + 1 : c == ')' ? Math.Max(0, depth - 1) : depth;
        }

        return depth > 0;
    }

    /// <summary>
    /// The right context, with a line break where the text ends inside it: the page's habit of ending texts ("。" far
    /// more often than "，") is evidence for a reading at the end, as the resolver's context already carries it.
    /// </summary>
    private static string EndOfText(string right) => right.Length < SlotResolver.Context ? right + "\n" : right;

    /// <summary>
    /// A span that is a '?' and one ASCII letter ("贏家?A隊"): a lost lead byte whose trail byte is a letter (Big5's
    /// comma is A1 41, "A"), but just as well a question mark before a name that starts with a capital ("?A隊",
    /// "?C羅"). Only context tells the two apart, so a change needs the full <see cref="DamagePrior"/>; a reading
    /// that clears only <see cref="ReportPrior"/> is reported as a suspect and the text stays.
    /// </summary>
    private static bool IsQuestionThenLetter(string text, int start, int end) =>
        end - start == 2 && text[start] == '?' && char.IsAsciiLetter(text[start + 1]);

    /// <summary>
    /// When the text before the span ends inside a note ("記(j") and the reading completes it ("ì)"), the reading is
    /// scored as the text will read once the note is removed: the model without the note (<paramref name="modelLeft"/>,
    /// <paramref name="modelMiddle"/>), and what the note says for the character before it (returned). Otherwise the
    /// context and reading as they are, and zero.
    /// </summary>
    private static double WithoutCompletedNote(ReadOnlySpan<char> left, string resolved, ReadOnlySpan<char> scored, out ReadOnlySpan<char> modelLeft, out ReadOnlySpan<char> modelMiddle)
    {
        modelLeft = left;
        modelMiddle = scored;
        if (!NoteFreeContext.EndsInsideNote(left))
        {
            return 0;
        }

        var open = left.LastIndexOfAny('(', '（');
        var joined = string.Concat(left[open..], resolved);
        var inReading = NoteFreeContext.NoteLength(joined) - (left.Length - open);
        if (inReading <= 0)
        {
            return 0;
        }

        modelLeft = left[..open];
        modelMiddle = inReading >= scored.Length ? [] : scored[inReading..];
        return NoteEvidence.For(left[open - 1], Text.PinyinReadings.NoteAt(joined));
    }

    private static int Swallowed(string resolved, List<Slot> slots) =>
        slots.Count(s => s.Kind != SlotKind.UnknownAscii) < resolved.Length ? 1 : 0;

    private static string Narrow(string text)
    {
        var chars = text.ToCharArray();
        for (var k = 0; k < chars.Length; k++)
        {
            chars[k] = PunctuationWidth.ToNarrow(chars[k]);
        }

        return new string(chars);
    }

    /// <summary>
    /// The byte streams the garbled text after <paramref name="start"/> may have come from: the lost lead byte,
    /// then each character's bytes, until a single-byte character realigned the decoder. ASCII marks a converter
    /// folds (!,:;?()) may have been full-width characters inside the run, so both readings are tried.
    /// </summary>
    private static IEnumerable<(List<ByteToken> Tokens, int End)> Hypotheses(string text, int start, DoubleByteCodec codec)
    {
        var pending = new Stack<(List<ByteToken> Tokens, int Position)>(MaxHypotheses);
        pending.Push(([ByteToken.LostLead], start + 1));
        var produced = 0;
        while (pending.Count > 0 && produced < MaxHypotheses)
        {
            var (tokens, j) = pending.Pop();
            while (true)
            {
                if (j >= text.Length || j - start > MaxRunLength)
                {
                    produced++;
                    yield return (tokens, j);
                    break;
                }

                var c = text[j];
                if (IsReplacementMark(c))
                {
                    // A lead byte whose trail was invalid: both bytes are gone and the stream is aligned again.
                    pending.Push((Append(tokens, codec.BytesOf('？')), j + 1));
                    tokens.Add(ByteToken.LostLead);
                    tokens.Add(ByteToken.Swallowed);
                    produced++;
                    yield return (tokens, j + 1);
                    break;
                }

                if (c < 0x80)
                {
                    if (PunctuationWidth.IsFoldable(c) && codec.BytesOf(PunctuationWidth.ToWide(c)) is var wide and not 0)
                    {
                        pending.Push((Append(tokens, wide), j + 1));
                    }

                    tokens.Add(ByteToken.Known(c));
                    produced++;
                    yield return (tokens, j + 1);
                    break;
                }

                if (codec.SingleByteOf(c) is { } high)
                {
                    // A byte such as 0x80 decodes alone, so it realigned the decoder like an ASCII byte.
                    tokens.Add(ByteToken.Known(high));
                    produced++;
                    yield return (tokens, j + 1);
                    break;
                }

                var bytes = codec.BytesOf(c);
                if (bytes == 0)
                {
                    break;
                }

                tokens.Add(ByteToken.Known(bytes >> 8));
                tokens.Add(ByteToken.Known(bytes & 0xFF));
                j++;
            }
        }
    }

    private static List<ByteToken> Append(List<ByteToken> tokens, ushort bytes)
    {
        var copy = new List<ByteToken>(tokens.Count + 2);
        copy.AddRange(tokens);
        copy.Add(ByteToken.Known(bytes >> 8));
        copy.Add(ByteToken.Known(bytes & 0xFF));
        return copy;
    }

    /// <summary>Decodes the reconstructed stream in its original alignment; null when it cannot be a valid stream.</summary>
    private static List<Slot>? Realign(List<ByteToken> tokens, DoubleByteCodec codec)
    {
        var slots = new List<Slot>(tokens.Count);
        var k = 0;
        while (k < tokens.Count)
        {
            var t = tokens[k];
            if (t.Kind == ByteTokenKind.Swallowed)
            {
                slots.Add(Slot.UnknownAscii);
                k++;
                continue;
            }

            if (t.Kind == ByteTokenKind.Known && t.Value < 0x80)
            {
                slots.Add(Slot.Char((char)t.Value));
                k++;
                continue;
            }

            if (t.Kind == ByteTokenKind.Known && k + 1 >= tokens.Count && codec.SingleByteChar(t.Value) is { } alone)
            {
                slots.Add(Slot.Char(alone));
                k++;
                continue;
            }

            if (k + 1 >= tokens.Count)
            {
                return null;
            }

            var trail = tokens[k + 1];
            if (trail.Kind == ByteTokenKind.Swallowed || (trail.Kind == ByteTokenKind.Known && trail.Value < 0x40))
            {
                return null;
            }

            slots.Add((t.Kind, trail.Kind) switch
            {
                (ByteTokenKind.Known, ByteTokenKind.Known) => codec.Decode(t.Value, trail.Value) is var ch and not '\0' ? Slot.Char(ch) : Slot.Invalid,
                (ByteTokenKind.Lost, ByteTokenKind.Known) => Slot.LostLead(trail.Value),
                (ByteTokenKind.Known, ByteTokenKind.Lost) => Slot.LostTrail(t.Value),
                _ => Slot.LostBoth,
            });
            if (slots[^1].Kind == SlotKind.Invalid)
            {
                return null;
            }

            k += 2;
        }

        return slots;
    }

    /// <summary>What the text after a mark says of it: a clean question mark, possible damage, or common text up to another mark.</summary>
    private enum Stretch
    {
        Clean,
        Damaged,
        CommonToMark,
    }

    /// <summary>What a reading needs of the text before it: its last few characters and how many quotes are open.</summary>
    /// <param name="Tail">The last few characters before the span, as repaired.</param>
    /// <param name="Depth">The quotes open before the span.</param>
    /// <param name="Clause">The text before the span as far back as a clause is read (<see cref="QuestionClause.MaxClause"/>).</param>
    private readonly record struct Left(string Tail, int Depth, string Clause);

    /// <param name="Unsure">Beats the text as it stands, but not by the margin a change needs: reported as a suspect.</param>
    private sealed record Reading(string Kind, int End, string Text, double Margin, double Confidence, bool Unsure = false);
}
