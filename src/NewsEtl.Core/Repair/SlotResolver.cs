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
    private const double SwallowedMargin = 4.0;

    /// <summary>What a swallowed byte that cannot be told becomes.</summary>
    public const string LostByte = "\uFFFD";

    // Tuned on the benchmark: stronger, and the page's frequent function words crowd out the right character.
    private const double PagePriorWeight = 0.6;

    // Han candidates for a character whose both bytes were lost (the charset's most frequent ones).
    private const int MaxLostPairCandidates = 1500;

    // Han candidates that get a full segmentation; the rest are ranked out by a cheap score first.
    private const int MaxFullyScored = 48;

    // Bounds the per-page ranking cache; a page with more distinct damaged places than this starts afresh.
    private const int MaxCachedRankings = 4096;

    private static readonly Dictionary<DoubleByteCodec, char[]> EveryCharacterOf = [];
    private readonly Dictionary<RankKey, char[]> _ranked = [];

    /// <summary>
    /// The realigned text, or null when some lost character has no candidate; then the same text with the runners-up
    /// for its last lost character, since the choice inside the span and the choice against the unrepaired text can differ.
    /// </summary>
    /// <param name="leftTail">The last <see cref="Context"/> characters before the span (already repaired).</param>
    /// <param name="depth">How many quotes are open before the span.</param>
    /// <param name="following">The text after the span.</param>
    public List<string>? Resolve(List<Slot> slots, string leftTail, int depth, ReadOnlySpan<char> following, DoubleByteCodec codec)
    {
        var sb = new StringBuilder(slots.Count);
        var lastLost = -1;
        char[] runnersUp = [];
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
                    sb.Append(Swallowed((leftTail + sb.ToString()).AsSpan()[^Math.Min(Context, leftTail.Length + sb.Length)..], following));
                    continue;
                default:
                    var before = (leftTail + sb.ToString())[^Math.Min(Context, leftTail.Length + sb.Length)..];
                    var ranked = Ranked(slot, codec, before, RightOf(slots, k, following), depth);
                    if (ranked.Length == 0)
                    {
                        return null;
                    }

                    chosen = ranked[0];
                    lastLost = sb.Length;
                    runnersUp = ranked[1..];
                    break;
            }

            sb.Append(chosen);
            depth = QuoteBalance.Next(depth, chosen);
        }

        var readings = new List<string>(1 + runnersUp.Length) { sb.ToString() };
        foreach (var c in runnersUp)
        {
            sb[lastLost] = c;
            readings.Add(sb.ToString());
        }

        return readings;
    }

    /// <summary>Up to <see cref="Context"/> known characters after slot k: later known slots, then the text after the span.</summary>
    private static string RightOf(List<Slot> slots, int k, ReadOnlySpan<char> following)
    {
        var sb = new StringBuilder(Context);
        for (var j = k + 1; j < slots.Count && sb.Length < Context; j++)
        {
            if (slots[j].Kind == SlotKind.UnknownAscii)
            {
                // A byte swallowed at the very end is no character: the text ends here. Elsewhere it was a digit or
                // a mark before the text that follows, and that text is context too.
                if (!following.IsEmpty)
                {
                    sb.Append(SwallowedClass(following));
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
            sb.Append(following[..Math.Min(following.Length, Context - sb.Length)]);
            if (sb.Length < Context && following.Length < Context)
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
    private char[] Ranked(Slot slot, DoubleByteCodec codec, string left, string right, int depth)
    {
        var key = new RankKey(codec.Name, slot.Kind, slot.KnownByte, left, right, depth > 0);
        if (_ranked.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var candidates = slot.Kind switch
        {
            SlotKind.LostLead => codec.WithTrail(slot.KnownByte).Select(x => x.Char),
            SlotKind.LostTrail => codec.WithLead(slot.KnownByte).Select(x => x.Char),
            _ => EveryCharacter(codec),
        };
        var ranked = Ranked(candidates, left, right, depth);
        if (_ranked.Count >= MaxCachedRankings)
        {
            _ranked.Clear();
        }

        _ranked[key] = ranked;
        return ranked;
    }

    private char[] Ranked(IEnumerable<char> candidates, string left, string right, int depth)
    {
        var all = candidates as IReadOnlyList<char> ?? [.. candidates];
        var shortlist = all.Count > MaxFullyScored ? Shortlist(all, left, right) : all;
        var scored = new List<(double Score, char Char)>(shortlist.Count);
        Span<char> one = stackalloc char[1];
        foreach (var c in shortlist)
        {
            one[0] = c;
            scored.Add((scorer.Score(left, one, right) + QuoteBalance.Score(depth, c) + PagePrior(c), c));
        }

        // Stable for equal scores: candidates come in byte order, and the first of equals wins as before.
        return [.. scored.Select((x, i) => (x.Score, x.Char, i)).OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(RunnersUp + 1).Select(x => x.Char)];
    }

    /// <summary>
    /// The candidates worth a full segmentation: every one that is not a Han character (few), and the Han characters
    /// with the best cheap score, the likeliest word the character forms with its nearest neighbours
    /// (<see cref="TextScorer.BestWordAround"/>). In byte order, as the full ranking breaks ties by it.
    /// </summary>
    private List<char> Shortlist(IReadOnlyList<char> candidates, string left, string right)
    {
        var cheap = new List<(double Score, int Index)>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (Text.HanChar.IsHan(candidates[i]))
            {
                cheap.Add((scorer.BestWordAround(left, candidates[i], right) + PagePrior(candidates[i]), i));
            }
        }

        var keep = new HashSet<int>(cheap.OrderByDescending(x => x.Score).Take(MaxFullyScored).Select(x => x.Index));
        var list = new List<char>(MaxFullyScored + 16);
        for (var i = 0; i < candidates.Count; i++)
        {
            if (!Text.HanChar.IsHan(candidates[i]) || keep.Contains(i))
            {
                list.Add(candidates[i]);
            }
        }

        return list;
    }

    /// <summary>
    /// A weak prior for a lost character from the page itself: an article repeats its own words (names, topics),
    /// so a character it writes elsewhere is likelier than one it never writes.
    /// </summary>
    private double PagePrior(char c) =>
        Text.HanChar.IsHan(c) ? PagePriorWeight * Math.Log(1 + scorer.Page.Count(c)) : 0;

    /// <summary>
    /// When both bytes are lost, the candidates are the charset's most frequent characters by the word model,
    /// and its ideographic punctuation. Nothing but context speaks for the character, and context can single out
    /// only a common one: a rare character is never the clear winner a repair needs, so the list stays short and
    /// the cost of a lost pair stays bounded however much of the text is damaged.
    /// </summary>
    private static char[] EveryCharacter(DoubleByteCodec codec)
    {
        lock (EveryCharacterOf)
        {
            if (!EveryCharacterOf.TryGetValue(codec, out var all))
            {
                var model = Text.WordModel.Default;
                var distinct = codec.AllCharacters().Distinct().ToList();
                var han = distinct
                    .Where(Text.HanChar.IsHan)
                    .Select(c => (Char: c, LogP: model.Word([Text.ChineseScript.ToSimplified(c)])))
                    .Where(x => x.LogP is not null)
                    .OrderByDescending(x => x.LogP)
                    .Take(MaxLostPairCandidates)
                    .Select(x => x.Char);
                all = [.. han, .. distinct.Where(c => !Text.HanChar.IsHan(c) && (Text.HanChar.IsCjkPunctuation(c) || c is >= '\uFF01' and <= '\uFF5E'))];
                EveryCharacterOf[codec] = all;
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
    private string Swallowed(ReadOnlySpan<char> left, ReadOnlySpan<char> following)
    {
        if (following.IsEmpty)
        {
            return string.Empty;
        }

        var kind = SwallowedClass(following);
        if (kind != '0')
        {
            return kind.ToString();
        }

        var right = following[..Math.Min(following.Length, Context)];
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

    [GeneratedRegex(@"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteRest();

    private readonly record struct RankKey(string Codec, SlotKind Kind, int KnownByte, string Left, string Right, bool InQuote);
}
