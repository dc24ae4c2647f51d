using System.Text;
using System.Text.RegularExpressions;

namespace NewsEtl.Repair;

/// <summary>
/// Chooses the characters behind bytes the damage destroyed: each lost byte leaves a set of possible
/// characters (all those sharing the surviving byte), and the one that reads best between its neighbours wins.
/// </summary>
internal sealed partial class SlotResolver(TextScorer scorer)
{
    public const int Context = 4;

    private const int RunnersUp = 2;

    // Bytes below 0x40 that news text writes in ASCII; its commas and colons are full-width in the byte stream.
    private const string SwallowedCandidates = "0123456789.%-/";

    // How far the best swallowed digit or mark must lead the next one to be written rather than reported. A wrong
    // digit is worse than a visible gap (it changes a figure and nothing shows it), so the bar is the one a lost
    // lead byte must clear when a surviving byte vouches for the character: e^4.
    internal const double SwallowedMargin = 4.0;

    // A copy of the paragraph around a swallowed digit: found between the same FigureSide characters on either side,
    // its line must share FigureAgreement of the probable character pairs within FigureReach characters of the byte.
    private const int FigureSide = 3;
    private const int FigureReach = 400;
    private const double FigureAgreement = 0.75;

    // And a sentence's worth of them at least: a short line the page writes is no copy for the pairs it lacks.
    private const int FigureShared = 12;

    /// <summary>What a swallowed byte that cannot be told becomes.</summary>
    public const string LostByte = "\uFFFD";

    // Tuned on the benchmark: stronger, and the page's frequent function words crowd out the right character. Halved
    // (from 0.6) once the page's pairs spoke too (PagePairWeight): a character is often common on a page through
    // words that are not the one at hand ("元" of prices for "公园").
    private const double PagePriorWeight = 0.3;

    // What the page's own pairs weigh, per unit of the log of how much more often the page writes a pair than its two
    // characters' counts predict. Tuned on the benchmark: 1, 2 and 3 left 2,513, 2,503 and 2,505 characters wrong.
    private const double PagePairWeight = 2.0;

    // What a question mark costs as the reading of a lost character after a clause that asks nothing.
    private const double UnaskedQuestion = -3.0;

    // Han candidates for a character whose both bytes were lost (the charset's most frequent ones).
    private const int MaxLostPairCandidates = 1500;

    // Han candidates that get a full segmentation; the rest are ranked out by a cheap score first.
    private const int MaxFullyScored = 48;

    // What one sighting of a candidate between the same neighbours elsewhere on the page is worth, in log-odds.
    // A page that repeats its article holds the damaged sentence again, mostly undamaged there. Tried on the repair
    // benchmark's second-copy rows: 4 → 10 took them from 383, 69 and 76 characters wrong to 325, 22 and 54 (14: 321,
    // 19, 54), the pages with one copy and the clean controls as they were. At 4 a capital after a lost lead byte
    // ("平台?Y未在", 若 being Big5 AD 59) passed for a term against the page's own undamaged copy of the sentence.
    private const double CopyWeight = 10.0;

    // Neighbours compared on each side when the page is searched for a copy of a damaged place.
    private const int CopyContext = 3;

    // How many characters past the usual context a number in it is followed to its end, and the word after it.
    private const int MaxNumberReach = 8;

    // Dictionary words proposed for two lost characters side by side, besides the one-at-a-time choices.
    private const int MaxWordPairs = 24;

    // Bounds the per-page ranking cache; a page with more distinct damaged places than this starts afresh.
    private const int MaxCachedRankings = 4096;

    // The marks running Chinese text writes, full-width (what a lost pair of bytes most likely was when it was no Han character).
    private static readonly System.Buffers.SearchValues<char> CommonMarks = System.Buffers.SearchValues.Create("，。、“”‘’：；？！（）《》「」『』—…·");

    private static readonly Dictionary<(DoubleByteCodec Codec, bool Traditional), char[]> EveryCharacterOf = [];
    private static readonly Dictionary<(DoubleByteCodec Codec, bool Traditional, string Note), char[]> ReadingAsOf = [];
    // NEWSETL_DEBUG=2 prints each ranking of a lost character's candidates (its context and best six) to standard error.
    private static readonly bool DebugRankings = Environment.GetEnvironmentVariable("NEWSETL_DEBUG") == "2";

    private readonly Dictionary<RankKey, char[]> _ranked = [];
    private readonly Dictionary<PairKey, string[]> _rankedPairs = [];

    /// <summary>
    /// The realigned text, or null when some lost character has no candidate; then the same text with the runners-up
    /// for its last lost character, since the choice inside the span and the choice against the unrepaired text can differ.
    /// </summary>
    /// <param name="leftTail">The last <see cref="Context"/> characters before the span (already repaired).</param>
    /// <param name="depth">How many quotes are open before the span.</param>
    /// <param name="clause">The text before the span as far back as a clause is read, for whether it asks.</param>
    /// <param name="following">The text after the span.</param>
    public List<string>? Resolve(List<Slot> slots, string leftTail, int depth, string clause, ReadOnlySpan<char> following, DoubleByteCodec codec)
    {
        var sb = new StringBuilder(slots.Count);
        var lastLost = -1;
        string[] runnersUp = [];
        // Whether anything after each slot could close a quote a candidate opens: a known closing mark later in the
        // span, or the text after it.
        Span<Closing> closable = slots.Count <= 256 ? stackalloc Closing[slots.Count] : new Closing[slots.Count];
        // A note whose '(' the last slot swallowed closes its own bracket ("?hòu)" after "回?ㄡ").
        var afterNote = slots[^1].Kind == SlotKind.UnknownAscii && NoteFreeContext.RestOfNote(following) is { } rest ? following[rest..] : following;
        var ahead = (QuoteBalance.CanClose(following) ? Closing.Quote : Closing.None) | (BracketBalance.CanClose(afterNote) ? Closing.Bracket : Closing.None);
        for (var k = slots.Count - 1; k >= 0; k--)
        {
            closable[k] = ahead;
            if (slots[k].Kind == SlotKind.Known)
            {
                ahead |= (QuoteBalance.CanClose([slots[k].Value]) ? Closing.Quote : Closing.None) | (BracketBalance.IsClosing(slots[k].Value) ? Closing.Bracket : Closing.None);
            }
        }

        for (var k = 0; k < slots.Count; k++)
        {
            var slot = slots[k];
            char chosen;
            switch (slot.Kind)
            {
                case SlotKind.Known:
                    chosen = slot.Value;
                    break;
                case SlotKind.UnknownAscii:
                    // Always last: after the swallowed byte the stream is aligned again.
                    sb.Append(Swallowed(NoteFreeContext.Tail(leftTail + sb.ToString(), Context), NoteFreeContext.Tail(clause + sb.ToString(), FigureReach), following));
                    continue;
                default:
                    var before = NoteFreeContext.Tail(leftTail + sb.ToString(), Context);
                    var asks = QuestionClause.Read(clause + sb.ToString(), scorer.Page.IsTraditional) != ClauseReading.States;
                    if (IsHalf(slot) && k + 1 < slots.Count && IsHalf(slots[k + 1]))
                    {
                        var pairs = RankedPair(slot, slots[k + 1], codec, before, RightOf(slots, k + 1, following, insideNote: false, asks), depth, closable[k + 1], NoteAfter(slots, k + 1, following), asks);
                        if (pairs.Length == 0)
                        {
                            return null;
                        }

                        lastLost = sb.Length;
                        runnersUp = pairs[1..];
                        foreach (var c in pairs[0])
                        {
                            sb.Append(c);
                            depth = QuoteBalance.Next(depth, c);
                        }

                        k++;
                        continue;
                    }

                    var ranked = Ranked(slot, codec, before, RightOf(slots, k, following, NoteFreeContext.EndsInsideNote(before), asks), depth, closable[k], NoteAfter(slots, k, following), asks);
                    if (ranked.Length == 0)
                    {
                        return null;
                    }

                    chosen = ranked[0];
                    lastLost = sb.Length;
                    runnersUp = [.. ranked[1..].Select(c => c.ToString())];
                    break;
            }

            sb.Append(chosen);
            depth = QuoteBalance.Next(depth, chosen);
        }

        var best = sb.ToString();
        var readings = new List<string>(1 + runnersUp.Length) { best };
        foreach (var other in runnersUp)
        {
            readings.Add(string.Concat(best.AsSpan(0, lastLost), other, best.AsSpan(lastLost + other.Length)));
        }

        return readings;
    }

    /// <summary>A character with one of its bytes lost: its candidates are the charset's characters sharing the other.</summary>
    private static bool IsHalf(Slot slot) => slot.Kind is SlotKind.LostLead or SlotKind.LostTrail;

    /// <summary>
    /// Two lost characters side by side ("?龀?" is 增长 with the lead of 增 and the trail of 长 lost): ranked one at a
    /// time, the first is chosen with nothing known to its right, and a common character that forms no word with the
    /// second wins ("个出"). The pair is chosen together: the best few of each in turn, and every pair of candidates
    /// that the dictionary writes as a word, are scored between the same neighbours. Best first, up to three.
    /// </summary>
    private string[] RankedPair(Slot first, Slot second, DoubleByteCodec codec, string left, string right, int depth, Closing closable, string? note, bool asks)
    {
        var key = new PairKey(codec.Name, first.Kind, first.KnownByte, second.Kind, second.KnownByte, left, right, QuoteKey(depth, closable), note, asks);
        if (_rankedPairs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var proposals = new HashSet<(char, char)>();
        foreach (var a in Ranked(first, codec, left, string.Empty, depth, Closing.Quote | Closing.Bracket, note: null, asks))
        {
            var leftOfSecond = (left + a)[^Math.Min(Context, left.Length + 1)..];
            foreach (var b in Ranked(second, codec, leftOfSecond, right, QuoteBalance.Next(depth, a), closable, note, asks || QuestionClause.IsAsker(a)))
            {
                proposals.Add((a, b));
            }
        }

        // And the other way round: the second chosen beside the text after it, then the first before that choice
        // ("回?ㄡ?hòu)": 後 first, then 台 before it, where the first alone, with nothing known to its right, is '（').
        foreach (var b in Ranked(second, codec, left, right, depth, closable, note, asks))
        {
            var rightOfFirst = string.Concat(b.ToString(), right.AsSpan(0, Math.Min(Context - 1, right.Length)));
            var closers = closable | (QuoteBalance.CanClose([b]) ? Closing.Quote : Closing.None) | (BracketBalance.IsClosing(b) ? Closing.Bracket : Closing.None);
            foreach (var a in Ranked(first, codec, left, rightOfFirst, depth, closers, note: null, asks))
            {
                proposals.Add((a, b));
            }
        }

        var firsts = Candidates(first, codec);
        var seconds = Candidates(second, codec);
        foreach (var pair in WordPairs(firsts, seconds))
        {
            proposals.Add(pair);
        }

        var copies = Copies(left, 2, right);
        foreach (var copy in copies?.Keys ?? Enumerable.Empty<string>())
        {
            // What the page writes there, when each of its two characters is a candidate for its slot.
            var a = firsts.FirstOrDefault(c => PunctuationWidth.ToWide(c) == copy[0]);
            var b = seconds.FirstOrDefault(c => PunctuationWidth.ToWide(c) == copy[1]);
            if (a != '\0' && b != '\0')
            {
                proposals.Add((a, b));
            }
        }

        var scored = new List<(double Score, string Text)>(proposals.Count);
        Span<char> two = stackalloc char[2];
        foreach (var (a, b) in proposals)
        {
            two[0] = a;
            two[1] = b;
            var score = scorer.Score(left, two, right) + QuoteBalance.Score(depth, a, closable.HasFlag(Closing.Quote) || QuoteBalance.CanClose(two[1..]))
                + QuoteBalance.Score(QuoteBalance.Next(depth, a), b, closable.HasFlag(Closing.Quote))
                + BracketBalance.Score(a, closable.HasFlag(Closing.Bracket) || BracketBalance.IsClosing(b)) + BracketBalance.Score(b, closable.HasFlag(Closing.Bracket))
                // The page's pairs: (left, a), (a, b) and (b, right); both calls count (a, b), so it is taken off once.
                + PagePrior(a) + PagePrior(b) + PagePairs(left, a, b.ToString()) + PagePairs(a.ToString(), b, right)
                - (Text.HanChar.IsHan(a) && Text.HanChar.IsHan(b) ? PagePairWeight * PairLift(a, b) : 0)
                + CopyEvidence(copies, two) + NoteEvidence.For(b, note)
                + Unasked(a, asks) + Unasked(b, asks || QuestionClause.IsAsker(a));
            scored.Add((score, new string(two)));
        }

        // Ties go to the pair found first: the one-at-a-time choice, then dictionary words in byte order.
        var ranked = scored.Select((x, i) => (x.Score, x.Text, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(RunnersUp + 1).Select(x => x.Text).ToArray();
        if (_rankedPairs.Count >= MaxCachedRankings)
        {
            _rankedPairs.Clear();
        }

        _rankedPairs[key] = ranked;
        return ranked;
    }

    /// <summary>The pairs of candidates that make a dictionary word, likeliest first (at most <see cref="MaxWordPairs"/>).</summary>
    private IEnumerable<(char, char)> WordPairs(IReadOnlyList<char> firsts, IReadOnlyList<char> seconds)
    {
        var words = new List<(double Score, char A, char B)>();
        Span<char> word = stackalloc char[2];
        foreach (var a in firsts)
        {
            if (!Text.HanChar.IsHan(a))
            {
                continue;
            }

            word[0] = Text.ChineseScript.ToSimplified(a);
            foreach (var b in seconds)
            {
                word[1] = Text.ChineseScript.ToSimplified(b);
                if (Text.HanChar.IsHan(b) && scorer.Words.Word(word) is { } logp)
                {
                    words.Add((logp + PagePrior(a) + PagePrior(b), a, b));
                }
            }
        }

        return words.OrderByDescending(x => x.Score).Take(MaxWordPairs).Select(x => (x.A, x.B));
    }

    private static char[] Candidates(Slot slot, DoubleByteCodec codec) => slot.Kind switch
    {
        SlotKind.LostLead => codec.CharactersWithTrail(slot.KnownByte),
        _ => codec.CharactersWithLead(slot.KnownByte),
    };

    /// <summary>
    /// The syllable of a converter's note right after slot k: the text after the span starts with it, or with its rest
    /// when the span ends in the swallowed byte that was its '(' ("磻?yīng)").
    /// </summary>
    internal static string? NoteAfter(List<Slot> slots, int k, ReadOnlySpan<char> following)
    {
        if (k == slots.Count - 1)
        {
            return Text.PinyinReadings.NoteAt(following);
        }

        return k == slots.Count - 2 && slots[k + 1].Kind == SlotKind.UnknownAscii && NoteFreeContext.RestOfNote(following) is { } rest
            ? Text.PinyinReadings.NoteAt(string.Concat("(", following[..rest]))
            : null;
    }

    /// <summary>Up to <see cref="Context"/> known characters after slot k: later known slots, then the text after the span.</summary>
    /// <param name="insideNote">The text before the slot ends inside a note: a byte swallowed after it was the note's ')'.</param>
    /// <param name="asks">The clause before the slot asks: a swallowed byte before Chinese text is then read as its '?'.</param>
    private static string RightOf(List<Slot> slots, int k, ReadOnlySpan<char> following, bool insideNote, bool asks)
    {
        var sb = new StringBuilder(Context);
        for (var j = k + 1; j < slots.Count && sb.Length < Context; j++)
        {
            if (slots[j].Kind == SlotKind.UnknownAscii)
            {
                // A byte swallowed at the very end is no character: the text ends here. Elsewhere it was a digit or
                // a mark before the text that follows, and that text is context too. When it was a note's '(', the
                // context is what follows the note.
                if (NoteFreeContext.RestOfNote(following) is { } rest)
                {
                    following = following[rest..];
                    break;
                }

                if (insideNote && j == k + 1)
                {
                    sb.Append(')');
                    break;
                }

                if (BlockEnd().IsMatch(following))
                {
                    // The '<' of a tag that ends the paragraph ("</p>"): the text ends here, as at a line break.
                    sb.Append('\n');
                    return sb.ToString();
                }

                if (!following.IsEmpty)
                {
                    // A digit, as a rule; after a clause that asks and before Chinese text, the question mark it
                    // most likely was ("为什么…不愿超?" before "一位"), as the repair will read it.
                    sb.Append(asks && (Text.HanChar.IsHan(following[0]) || Text.HanChar.IsCjkPunctuation(following[0])) && SwallowedClass(following) == '0' ? '?' : SwallowedClass(following));
                }

                break;
            }

            if (slots[j].Kind != SlotKind.Known)
            {
                return sb.ToString();
            }

            sb.Append(slots[j].Value);
        }

        if (sb.Length < Context)
        {
            var wanted = Context - sb.Length;
            var start = NoteFreeContext.Start(following, wanted + MaxNumberReach);
            var take = Math.Min(wanted, start.Length);
            // A number is read whole, with the word after it: "在0023" says less than "在0023年", a date.
            while (take > 0 && take < start.Length && char.IsAsciiDigit(start[take - 1]) && take - wanted < MaxNumberReach - 1)
            {
                take++;
            }

            sb.Append(start.AsSpan(0, take));
            if (sb.Length < Context)
            {
                // The end of the text: the page's own habit of ending texts (with "。" more than "了") is evidence too.
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The best few candidates for a lost character, best first. The same slot in the same context comes up
    /// again and again (every hypothesis about where a run ends, both charsets, repeated damage on a page),
    /// so the ranking is kept per page.
    /// </summary>
    private char[] Ranked(Slot slot, DoubleByteCodec codec, string left, string right, int depth, Closing closable, string? note, bool asks)
    {
        var key = new RankKey(codec.Name, slot.Kind, slot.KnownByte, left, right, QuoteKey(depth, closable), note, asks);
        if (_ranked.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var candidates = slot.Kind switch
        {
            SlotKind.LostLead => codec.CharactersWithTrail(slot.KnownByte),
            SlotKind.LostTrail => codec.CharactersWithLead(slot.KnownByte),
            // Inside a note ("記(j" before a character lost whole), the letters the note may go on with are candidates too.
            _ when NoteFreeContext.EndsInsideNote(left) => [.. EveryCharacter(codec, scorer.Page.IsTraditional), .. TonedLetters(codec)],
            // A converter's note right after names the character's reading: the characters that read so are candidates
            // too, however rare ("追??zōng)" is 蹤, not among the commonest).
            _ when note is not null => [.. EveryCharacter(codec, scorer.Page.IsTraditional).Union(ReadingAs(codec, scorer.Page.IsTraditional, note))],
            _ => EveryCharacter(codec, scorer.Page.IsTraditional),
        };
        var ranked = Ranked(candidates, left, right, depth, closable, note, asks);
        if (_ranked.Count >= MaxCachedRankings)
        {
            _ranked.Clear();
        }

        _ranked[key] = ranked;
        return ranked;
    }

    private char[] Ranked(IEnumerable<char> candidates, string left, string right, int depth, Closing closable, string? note, bool asks)
    {
        var all = candidates as IReadOnlyList<char> ?? [.. candidates];
        var copies = Copies(left, 1, right);
        var shortlist = all.Count > MaxFullyScored ? Shortlist(all, left, right, copies, note) : all;
        var scored = new List<(double Score, char Char)>(shortlist.Count);
        Span<char> one = stackalloc char[1];
        double? withoutNote = null;
        foreach (var c in shortlist)
        {
            one[0] = c;
            // A letter that completes a note damaged inside ("記(j" + 'ì' + ")") is scored as the text reads once the note
            // is gone: the model knows nothing of notes, and the text with a broken one is not what the page will say.
            var inside = NoteEvidence.Inside(c, left, right);
            var text = inside > 0
                ? withoutNote ??= scorer.Score(left.AsSpan(0, left.LastIndexOfAny(['(', '（'])), [], right.AsSpan(right.IndexOfAny([')', '）']) + 1))
                : scorer.Score(left, one, right);
            scored.Add((text + QuoteBalance.Score(depth, c, closable.HasFlag(Closing.Quote)) + BracketBalance.Score(c, closable.HasFlag(Closing.Bracket)) + PagePrior(c) + PagePairs(left, c, right) + Unasked(c, asks) + CopyEvidence(copies, one)
                + NoteEvidence.For(c, note) + NoteEvidence.Placement(c, left) + inside, c));
        }

        if (DebugRankings)
        {
            Console.Error.WriteLine($"rank d={depth} c={closable} n={note} a={asks} [{left}|_|{right}] {string.Join(' ', scored.OrderByDescending(x => x.Score).Take(6).Select(x => $"{x.Char}:{x.Score:F2}"))}");
        }

        // Stable for equal scores: candidates come in byte order, and the first of equals wins as before.
        return [.. scored.Select((x, i) => (x.Score, x.Char, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(RunnersUp + 1).Select(x => x.Char)];
    }

    /// <summary>
    /// The candidates worth a full segmentation: every one that is not a Han character (few), and the Han characters
    /// with the best cheap score, the likeliest word the character forms with its nearest neighbours
    /// (<see cref="TextScorer.BestWordAround"/>). In byte order, as the full ranking breaks ties by it.
    /// </summary>
    private List<char> Shortlist(IReadOnlyList<char> candidates, string left, string right, Dictionary<string, int>? copies, string? note)
    {
        // The cheap score of each Han candidate (NaN for the others), and the score the best MaxFullyScored reach.
        var scores = new double[candidates.Count];
        var han = new List<double>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Text.HanChar.IsHan(candidates[i]))
            {
                scores[i] = scorer.BestWordAround(left, candidates[i], right) + PagePrior(candidates[i]) + NoteEvidence.For(candidates[i], note);
                han.Add(scores[i]);
            }
            else
            {
                scores[i] = double.NaN;
            }
        }

        han.Sort();
        var bar = han.Count > MaxFullyScored ? han[^MaxFullyScored] : double.NegativeInfinity;
        // Ties at the bar: the first ones in byte order, as many as the ranking keeps.
        var atBar = MaxFullyScored;
        foreach (var score in han)
        {
            atBar -= score > bar ? 1 : 0;
        }

        var list = new List<char>(MaxFullyScored + 16);
        for (var i = 0; i < candidates.Count; i++)
        {
            var keep = (double.IsNaN(scores[i]) && WorthScoring(candidates[i])) || scores[i] > bar || (scores[i] == bar && atBar-- > 0)
                || (copies is not null && copies.ContainsKey(candidates[i].ToString()));
            if (keep)
            {
                list.Add(candidates[i]);
            }
        }

        return list;
    }

    /// <summary>
    /// A candidate that is not a Han character is scored in full when it is one of the marks running text writes, one
    /// the page itself writes, or a tone-marked letter (a candidate only inside a note); the charsets' other symbols
    /// and full-width letters and digits (some hundred of them for a character lost whole) are not what a sentence is
    /// missing, and scoring each cost more than the Han candidates together.
    /// </summary>
    private bool WorthScoring(char c) => CommonMarks.Contains(c) || Text.PinyinReadings.IsTonedLetter(c) || scorer.Page.Unigram(c) > 0;

    /// <summary>
    /// The stretches of <paramref name="width"/> characters the page writes between the last few characters of
    /// <paramref name="left"/> and the first few of <paramref name="right"/>; null when the context is too short to
    /// single out a place (four characters at least, one of them on the left).
    /// </summary>
    private Dictionary<string, int>? Copies(string left, int width, string right)
    {
        var l = left.AsSpan(Math.Max(0, left.Length - CopyContext));
        var r = right.AsSpan(0, Math.Min(CopyContext, right.Length));
        var lineEnd = r.IndexOf('\n');
        if (lineEnd >= 0)
        {
            r = r[..lineEnd];
        }

        if (l.IsEmpty || l.Length + r.Length < CopyContext + 1)
        {
            return null;
        }

        var found = scorer.Page.Between(l, width, r);
        return found.Count == 0 ? null : found;
    }

    /// <summary>
    /// How much the page's own copies speak for a whole reading of a span: the page writes it, between the same
    /// neighbours, elsewhere. Zero when it does not, or when the reading still holds a lost byte.
    /// </summary>
    public double Attested(string left, string reading, ReadOnlySpan<char> following)
    {
        if (reading.Length == 0 || reading.Contains(LostByte, StringComparison.Ordinal))
        {
            return 0;
        }

        return CopyEvidence(Copies(left, reading.Length, following[..Math.Min(CopyContext, following.Length)].ToString()), reading);
    }

    /// <summary>How much the page's own copies of this place speak for a reading of it.</summary>
    private static double CopyEvidence(Dictionary<string, int>? copies, ReadOnlySpan<char> reading)
    {
        if (copies is null)
        {
            return 0;
        }

        Span<char> wide = stackalloc char[reading.Length];
        for (var i = 0; i < reading.Length; i++)
        {
            wide[i] = PunctuationWidth.ToWide(reading[i]);
        }

        return copies.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(wide, out var count) ? CopyWeight * Math.Log(1 + count) : 0;
    }

    /// <summary>
    /// A weak prior for a lost character from the page itself: an article repeats its own words (names, topics), so a
    /// character it writes more often than Chinese text in general does is likelier than the model alone says. The
    /// evidence is the page's count against the count the language predicts for a page of its length: "梅" written
    /// five times on a football page speaks for itself; "的" written fifty times on any page says nothing.
    /// </summary>
    private double PagePrior(char c)
    {
        if (!Text.HanChar.IsHan(c))
        {
            return 0;
        }

        var page = scorer.Page;
        var count = page.Count(c);
        if (count == 0)
        {
            return 0;
        }

        var expected = page.HanCount * scorer.Words.CharacterShare(Text.ChineseScript.ToSimplified(c));
        return PagePriorWeight * Math.Max(0, Math.Log((count + 1) / (expected + 1)));
    }

    /// <summary>
    /// Evidence from the pairs the page writes: a candidate that makes with a neighbour a pair the page writes elsewhere
    /// more often than the two characters' counts predict ("十分鐘內" on a page that writes "最後一分鐘", where "十分期內"
    /// reads as well) gains by how much more. Han neighbours only; a pair the page lacks costs nothing, as a page is short.
    /// </summary>
    private double PagePairs(string left, char c, string right)
    {
        if (!Text.HanChar.IsHan(c))
        {
            return 0;
        }

        var total = 0.0;
        if (left.Length > 0 && Text.HanChar.IsHan(left[^1]))
        {
            total += PairLift(left[^1], c);
        }

        if (right.Length > 0 && Text.HanChar.IsHan(right[0]))
        {
            total += PairLift(c, right[0], byFirst: false);
        }

        return PagePairWeight * total;
    }

    /// <param name="byFirst">Whether the first character is the one the caller holds fixed (the page's pairs are looked up from it).</param>
    private double PairLift(char a, char b, bool byFirst = true)
    {
        var page = scorer.Page;
        var count = byFirst ? page.PairCount(a, b) : page.PairCountBefore(a, b);
        if (count == 0)
        {
            return 0;
        }

        var expected = (double)page.Count(a) * page.Count(b) / Math.Max(1, page.HanCount);
        return Math.Max(0, Math.Log((count + 1) / (expected + 1)));
    }

    /// <summary>
    /// A question mark for a lost character ends a clause that asks (<see cref="QuestionClause"/>): after one that
    /// asks nothing ("日均客運?比去年" where 量 was lost) it is the unlikelier reading. Only candidates pay this; a '?'
    /// the text has is never taken for damage on this account, as a question may ask with no question word.
    /// </summary>
    private static double Unasked(char c, bool asks) => !asks && c is '？' or '?' ? UnaskedQuestion : 0;

    /// <summary>The charset's characters in the page's script that the note fits (<see cref="Text.PinyinReadings.Fits"/>).</summary>
    private static char[] ReadingAs(DoubleByteCodec codec, bool traditional, string note)
    {
        lock (ReadingAsOf)
        {
            if (!ReadingAsOf.TryGetValue((codec, traditional, note), out var chars))
            {
                chars = [.. codec.AllCharacters().Distinct().Where(c => Text.HanChar.IsHan(c)
                    && !(traditional ? Text.ChineseScript.IsSimplifiedOnly(c) : Text.ChineseScript.IsTraditionalOnly(c))
                    && Text.PinyinReadings.Fits(c, note))];
                ReadingAsOf[(codec, traditional, note)] = chars;
            }

            return chars;
        }
    }

    /// <summary>The tone-marked letters the charset writes (GBK and Big5 both have the pinyin vowels).</summary>
    private static IEnumerable<char> TonedLetters(DoubleByteCodec codec) =>
        "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ".Where(c => codec.BytesOf(c) != 0);

    /// <summary>
    /// When both bytes are lost, the candidates are the charset's most frequent characters in running text (their share
    /// in the word model's words, not their count as words of one character: 责 is rare alone and common in 负责), in the
    /// page's script (a simplified character on a traditional page, or the reverse, is damage of its own), and its
    /// ideographic punctuation. Nothing but context speaks for the character, and context can single out only a common
    /// one: a rare character is never the clear winner a repair needs, so the list stays short and the cost of a lost
    /// pair stays bounded however much of the text is damaged.
    /// </summary>
    private static char[] EveryCharacter(DoubleByteCodec codec, bool traditional)
    {
        lock (EveryCharacterOf)
        {
            if (!EveryCharacterOf.TryGetValue((codec, traditional), out var all))
            {
                var model = Text.WordModel.Default;
                var distinct = codec.AllCharacters().Distinct().ToList();
                var han = distinct
                    .Where(c => Text.HanChar.IsHan(c) && !(traditional ? Text.ChineseScript.IsSimplifiedOnly(c) : Text.ChineseScript.IsTraditionalOnly(c)))
                    .Select(c => (Char: c, Share: model.CharacterShare(Text.ChineseScript.ToSimplified(c))))
                    .Where(x => x.Share > 0)
                    .OrderByDescending(x => x.Share)
                    .Take(MaxLostPairCandidates)
                    .Select(x => x.Char);
                all = [.. han, .. distinct.Where(c => !Text.HanChar.IsHan(c) && (Text.HanChar.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF5E'))];
                EveryCharacterOf[(codec, traditional)] = all;
            }

            return all;
        }
    }

    /// <summary>
    /// The byte a lead byte swallowed was below 0x40. What follows tells which when it can: a tag's '&lt;' before
    /// "/p>", a note's '(' before "yīng)"; at the end of the text it was the line break. Otherwise it was a digit or
    /// an ASCII mark: the page may tell which (a page that writes "2025" many times makes "?025" a 2), and when it
    /// does not clearly, the byte stands as U+FFFD, visible and reported, not as a guess.
    /// </summary>
    /// <param name="left">The last <see cref="Context"/> characters before the byte.</param>
    /// <param name="longLeft">The text before it as far back as the clause is read, for a digit from a copy.</param>
    /// <param name="following">The text after it.</param>
    private string Swallowed(ReadOnlySpan<char> left, string longLeft, ReadOnlySpan<char> following)
    {
        if (following.IsEmpty)
        {
            return string.Empty;
        }

        if (NoteFreeContext.EndsInsideNote(left))
        {
            // "(jì" then a swallowed byte: the note's closing bracket.
            return ")";
        }

        var kind = SwallowedClass(following);
        if (kind != '0')
        {
            return kind.ToString();
        }

        var right = following[..Math.Min(following.Length, Context)];
        if (Copies(left.ToString(), 1, right.ToString()) is { } copies)
        {
            // The page's other copy of the sentence shows the digit or mark: one of them, and only one. A digit only
            // where the copy is the same sentence, not the same phrase before another figure ("减少了约8%" elsewhere).
            var shown = copies.Keys.Where(k => SwallowedCandidates.Contains(k[0], StringComparison.Ordinal)).ToList();
            if (shown.Count == 1 && copies.Count == 1 && (!char.IsAsciiDigit(shown[0][0]) || CopiedFigure(longLeft, following) == shown[0][0]))
            {
                return shown[0];
            }
        }

        var best = '\0';
        double bestScore = double.NegativeInfinity, runnerUp = double.NegativeInfinity;
        foreach (var d in SwallowedCandidates)
        {
            var score = scorer.Score(left, [d], right);
            if (score > bestScore)
            {
                runnerUp = bestScore;
                bestScore = score;
                best = d;
            }
            else if (score > runnerUp)
            {
                runnerUp = score;
            }
        }

        return bestScore - runnerUp >= SwallowedMargin ? best.ToString() : LostByte;
    }

    /// <summary>
    /// The digit the page writes where a copy of the paragraph around a swallowed byte stands, or '\0'. The place is
    /// found between the same three characters on either side of the byte; it is a copy when the two lines around it
    /// (up to <see cref="FigureReach"/> characters each way) share at least <see cref="FigureAgreement"/> of the
    /// character pairs of the shorter (<see cref="FigureShared"/> at least), counting only pairs of probable characters,
    /// as the copy may be garbled elsewhere.
    /// A sentence the page writes again with another figure ("员工总数减少了约8%。" in another paragraph) is no copy.
    /// </summary>
    private char CopiedFigure(string longLeft, ReadOnlySpan<char> following)
    {
        var lineEnd = following.IndexOf('\n');
        var after = following[..Math.Min(lineEnd >= 0 ? lineEnd : following.Length, FigureReach)];
        var before = longLeft.AsSpan(Math.Max(0, longLeft.Length - FigureReach));
        before = before[(before.LastIndexOf('\n') + 1)..];
        if (before.Length < FigureSide || after.Length < FigureSide)
        {
            return '\0';
        }

        var ours = ProbablePairs(before, after);
        var digit = '\0';
        foreach (var place in scorer.Page.Places(before[^FigureSide..], 1, after[..FigureSide]))
        {
            var (theirBefore, theirAfter) = scorer.Page.Around(place, 1, FigureReach);
            var theirs = ProbablePairs(theirBefore, theirAfter);
            var shared = ours.Count(theirs.Contains);
            if (shared < FigureShared || shared < FigureAgreement * Math.Min(ours.Count, theirs.Count))
            {
                continue;
            }

            var d = scorer.Page.At(place);
            if (!char.IsAsciiDigit(d) || (digit != '\0' && digit != d))
            {
                return '\0';
            }

            digit = d;
        }

        return digit;
    }

    /// <summary>The distinct pairs of neighbouring characters on either side of a place, leaving out any improbable one.</summary>
    private HashSet<int> ProbablePairs(ReadOnlySpan<char> before, ReadOnlySpan<char> after)
    {
        var traditional = scorer.Page.IsTraditional;
        var pairs = new HashSet<int>();
        Add(before);
        Add(after);
        return pairs;

        void Add(ReadOnlySpan<char> side)
        {
            for (var i = 1; i < side.Length; i++)
            {
                char a = side[i - 1], b = side[i];
                if (Probable(a) && Probable(b))
                {
                    pairs.Add((PunctuationWidth.ToWide(a) << 16) | PunctuationWidth.ToWide(b));
                }
            }
        }

        bool Probable(char c) => c is not ('?' or '\uFFFD') && Text.CharEvidence.Weight(c, traditional) == 0;
    }

    /// <summary>What the swallowed byte stands for as context for its neighbours: '&lt;', '(' or a digit.</summary>
    private static char SwallowedClass(ReadOnlySpan<char> following)
    {
        var head = following[..Math.Min(following.Length, 24)];
        if (TagRest().IsMatch(head))
        {
            return '<';
        }

        return NoteRest().IsMatch(head) ? '(' : '0';
    }

    [GeneratedRegex(@"^/?[A-Za-z][A-Za-z0-9]{0,9}(\s[^<>]{0,12})?>", RegexOptions.CultureInvariant)]
    private static partial Regex TagRest();

    // The rest of a tag that ends a block of text, after its swallowed '<': "/p>", "/div>", "/h2>", "/li>", "br/>".
    [GeneratedRegex(@"^(/(p|div|h[1-6]|li|td|blockquote|section|article)|br\s*/?)\s*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteRest();

    /// <summary>What of the quotes and brackets a ranking depends on: <see cref="QuoteBalance.KeyOf"/>, and what could close later.</summary>
    private static int QuoteKey(int depth, Closing closable) => (QuoteBalance.KeyOf(depth) << 2) | (int)closable;

    /// <summary>What the text after a lost character may close, were the character to open it.</summary>
    [Flags]
    private enum Closing
    {
        None = 0,
        Quote = 1,
        Bracket = 2,
    }

    private readonly record struct PairKey(string Codec, SlotKind FirstKind, int FirstByte, SlotKind SecondKind, int SecondByte, string Left, string Right, int Quote, string? Note, bool Asks);

    private readonly record struct RankKey(string Codec, SlotKind Kind, int KnownByte, string Left, string Right, int Quote, string? Note, bool Asks);
}
