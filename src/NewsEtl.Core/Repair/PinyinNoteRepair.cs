using System.Text;
using System.Text.RegularExpressions;
using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Removes the pinyin notes a simplified-to-traditional converter left after characters ("聯(lián)合" → "聯合").
/// A note goes only when it is a real syllable and one of the readings of the character before it, so
/// "(AI)", "(2024年)" and "(尤其是…)" stay.
/// </summary>
internal static partial class PinyinNoteRepair
{
    public static RepairResult Apply(string text)
    {
        if (text.IndexOf('(', StringComparison.Ordinal) < 0 && text.IndexOf('（', StringComparison.Ordinal) < 0)
        {
            return RepairResult.Unchanged(text);
        }

        var edits = new List<TextEdit>();
        var suspects = new List<Suspect>();
        var output = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match m in Note().Matches(text))
        {
            var note = m.Groups["note"].Value;
            var character = text[m.Index - 1];
            var noteStart = m.Index;
            output.Append(text, last, noteStart - last);
            last = noteStart;
            if (!PinyinReadings.IsSyllable(note))
            {
                continue;
            }

            if (!PinyinReadings.Fits(character, note))
            {
                // A syllable in brackets after a Han character that is not its reading: likely a misplaced note, left visible.
                if (!string.Equals(PinyinReadings.StripTones(note), note, StringComparison.Ordinal))
                {
                    suspects.Add(new Suspect("pinyin-note", output.Length, m.Value, $"'{note}' is not a reading of '{character}'"));
                }

                continue;
            }

            edits.Add(new TextEdit("pinyin-note", output.Length, m.Value, string.Empty, 1.0));
            last = m.Index + m.Length;
        }

        output.Append(text, last, text.Length - last);
        return edits.Count == 0 && suspects.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(output.ToString(), edits, suspects);
    }

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF\uF900-\uFAFF])[(（](?<note>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6})[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex Note();
}
