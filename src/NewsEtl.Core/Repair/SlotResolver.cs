using System.Text;
using System.Text.RegularExpressions;

namespace NewsEtl.Repair;

/// <summary>
/// Chooses the characters behind bytes the damage destroyed: each lost byte leaves a set of possible
/// characters (all those sharing the surviving byte), and the one that reads best between its neighbours wins.
/// </summary>
internal sealed partial class SlotResolver(TextScorer scorer)
{
    private readonly Dictionary<DoubleByteCodec, char[]> _everyCharacter = [];

    /// <summary>The realigned text, or null when some lost character has no candidate.</summary>
    public string? Resolve(List<Slot> slots, char before, char after, DoubleByteCodec codec, ReadOnlySpan<char> following)
    {
        var sb = new StringBuilder(slots.Count);
        var previous = before;
        for (var k = 0; k < slots.Count; k++)
        {
            var slot = slots[k];
            var next = k + 1 < slots.Count ? (slots[k + 1].Kind == SlotKind.Known ? slots[k + 1].Value : '\0') : after;
            switch (slot.Kind)
            {
                case SlotKind.Known:
                    sb.Append(slot.Value);
                    previous = slot.Value;
                    break;
                case SlotKind.UnknownAscii:
                    // Always last: after the swallowed byte the stream is aligned again.
                    var swallowed = Swallowed(following);
                    sb.Append(swallowed);
                    break;
                default:
                    var candidates = slot.Kind switch
                    {
                        SlotKind.LostLead => codec.WithTrail(slot.KnownByte).Select(x => x.Char),
                        SlotKind.LostTrail => codec.WithLead(slot.KnownByte).Select(x => x.Char),
                        _ => EveryCharacter(codec),
                    };
                    var best = Best(candidates, previous, next);
                    if (best == '\0')
                    {
                        return null;
                    }

                    sb.Append(best);
                    previous = best;
                    break;
            }
        }

        return sb.ToString();
    }

    private char Best(IEnumerable<char> candidates, char previous, char next)
    {
        var best = '\0';
        var bestScore = double.NegativeInfinity;
        foreach (var c in candidates)
        {
            var score = scorer.LogProbability(previous, c) + (next == '\0' ? 0 : scorer.LogProbability(c, next));
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    private char[] EveryCharacter(DoubleByteCodec codec)
    {
        lock (_everyCharacter)
        {
            if (!_everyCharacter.TryGetValue(codec, out var all))
            {
                all = codec.AllCharacters().Distinct().ToArray();
                _everyCharacter[codec] = all;
            }

            return all;
        }
    }

    /// <summary>
    /// The byte a lead byte swallowed was below 0x40; what follows tells which: a tag's '&lt;' before "/p>",
    /// a note's '(' before "yīng)", a line break at the end of the text. Otherwise it is left out.
    /// </summary>
    private static string Swallowed(ReadOnlySpan<char> following)
    {
        if (following.IsEmpty)
        {
            return string.Empty;
        }

        var head = following[..Math.Min(following.Length, 24)].ToString();
        if (TagRest().IsMatch(head))
        {
            return "<";
        }

        if (NoteRest().IsMatch(head))
        {
            return "(";
        }

        return string.Empty;
    }

    [GeneratedRegex(@"^/?[A-Za-z][A-Za-z0-9]{0,9}(\s[^<>]{0,12})?>", RegexOptions.CultureInvariant)]
    private static partial Regex TagRest();

    [GeneratedRegex(@"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)", RegexOptions.CultureInvariant)]
    private static partial Regex NoteRest();
}
