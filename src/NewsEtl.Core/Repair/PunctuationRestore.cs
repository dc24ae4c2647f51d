using System.Text;
using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Optional: writes ，：；？！（） in full width where the page folded them to ASCII next to Han characters.
/// ASCII marks between Latin letters or digits ("3:0", "Node.js (v20)") are left alone.
/// </summary>
internal static class PunctuationRestore
{
    public static RepairResult Apply(string text)
    {
        var edits = new List<TextEdit>();
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (PunctuationWidth.IsFoldable(c) && InChineseContext(text, i))
            {
                var wide = PunctuationWidth.ToWide(c);
                edits.Add(new TextEdit("full-width-punctuation", sb.Length, c.ToString(), wide.ToString(), 1.0));
                sb.Append(wide);
                continue;
            }

            sb.Append(c);
        }

        return edits.Count == 0 ? RepairResult.Unchanged(text) : new RepairResult(sb.ToString(), edits, []);
    }

    private static bool InChineseContext(string text, int i)
    {
        var before = i > 0 ? text[i - 1] : '\0';
        var after = i + 1 < text.Length ? text[i + 1] : '\0';
        bool Chinese(char x) => HanChar.IsHan(x) || HanChar.IsCjkPunctuation(x);
        return text[i] switch
        {
            '(' => Chinese(after),
            ')' => Chinese(before),
            _ => Chinese(before) || (before == '\0' && Chinese(after)),
        };
    }
}
