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

        // Most brackets hold no note ("(AI)", "(2024年)"): the output is made only once a note goes.
        List<TextEdit>? edits = null;
        List<Suspect>? suspects = null;
        StringBuilder? output = null;
        var last = 0;
        var removed = 0;
        foreach (Match m in Note().Matches(text))
        {
            var note = m.Groups["note"].Value;
            var character = text[m.Index - 1];
            if (!PinyinReadings.IsSyllable(note))
            {
                continue;
            }

            if (!PinyinReadings.Fits(character, note))
            {
                // A syllable in brackets after a Han character that is not its reading: likely a misplaced note, left visible.
                if (!string.Equals(PinyinReadings.StripTones(note), note, StringComparison.Ordinal))
                {
                    (suspects ??= []).Add(new Suspect("pinyin-note", m.Index - removed, m.Value, $"'{note}' is not a reading of '{character}'"));
                }

                continue;
            }

            output ??= new StringBuilder(text.Length);
            output.Append(text, last, m.Index - last);
            (edits ??= []).Add(new TextEdit("pinyin-note", m.Index - removed, m.Value, string.Empty, 1.0));
            last = m.Index + m.Length;
            removed += m.Length;
        }

        if (edits is null && suspects is null)
        {
            return RepairResult.Unchanged(text);
        }

        return new RepairResult(output?.Append(text, last, text.Length - last).ToString() ?? text, edits is null ? [] : edits, suspects is null ? [] : suspects);
    }

    [GeneratedRegex(@"(?<=[\u3400-\u9FFF\uF900-\uFAFF])[(（](?<note>[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,6})[)）]", RegexOptions.CultureInvariant)]
    private static partial Regex Note();
}
