using System.Text;
using System.Text.RegularExpressions;
using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// A converter's pinyin note inserted between the two bytes of a character ("時" = 95 72 with "(xí)" between):
/// the lead byte and the note's '(' decoded as '?', then the note, then the trail byte as an ASCII letter.
/// The character is inferred from the trail byte, its context and the note's reading.
/// </summary>
internal sealed partial class InsertedNoteRepair(TextScorer scorer, IReadOnlyList<DoubleByteCodec> codecs)
{
    // A note that fits the reading counts as strong evidence for a candidate.
    private const double ReadingBonus = 4.0;

    public RepairResult Apply(string text)
    {
        if (text.IndexOfAny(['?', '\uFFFD']) < 0)
        {
            return RepairResult.Unchanged(text);
        }

        var edits = new List<TextEdit>();
        var suspects = new List<Suspect>();
        var output = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Pattern().Matches(text))
        {
            output.Append(text, last, m.Index - last);
            last = m.Index;
            var left = output.ToString(Math.Max(0, output.Length - SlotResolver.Context), Math.Min(output.Length, SlotResolver.Context));
            var rightStart = m.Index + m.Length;
            var right = text.Substring(rightStart, Math.Min(SlotResolver.Context, text.Length - rightStart));
            var note = m.Groups["note"].Value;
            var trail = m.Groups["trail"].Value[0];
            var best = Best(left, right, note, trail, out var margin);
            if (best is null)
            {
                suspects.Add(new Suspect("inserted-note", output.Length, m.Value, "a lost lead byte with a note inside it; no character fits its context"));
                continue;
            }

            var confidence = Math.Round(1 - Math.Exp(-margin / 2), 3);
            edits.Add(new TextEdit("note-inside-character", output.Length, m.Value, best, confidence));
            output.Append(best);
            last = m.Index + m.Length;
        }

        output.Append(text, last, text.Length - last);
        return edits.Count == 0 && suspects.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(output.ToString(), edits, suspects);
    }

    private string? Best(string left, string right, string note, char trail, out double margin)
    {
        var observed = "?" + note + ")" + trail;
        var observedScore = scorer.Score(left, observed, right);
        string? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var codec in codecs)
        {
            foreach (var (_, c) in codec.WithTrail(trail))
            {
                var score = scorer.Score(left, [c], right) + (PinyinReadings.Fits(c, note) ? ReadingBonus : 0);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = c.ToString();
                }
            }
        }

        margin = bestScore - observedScore - OutOfStepRepair.DamagePrior;
        return margin > 0 ? best : null;
    }

    // '?' (lead byte + swallowed '('), a pinyin syllable, ')', then the trail byte as an ASCII letter or mark.
    [GeneratedRegex(@"[?\uFFFD](?<note>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})\)(?<trail>[\x40-\x7E])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
