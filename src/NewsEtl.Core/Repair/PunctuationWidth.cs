namespace NewsEtl.Repair;

/// <summary>
/// The ideographic punctuation that converters fold to ASCII (，：；？！（）) and back.
/// </summary>
public static class PunctuationWidth
{
    /// <summary>The full-width form of a foldable ASCII mark, else the character itself.</summary>
    public static char ToWide(char c) => c switch
    {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => c,
    };

    /// <summary>The ASCII form of a foldable full-width mark, else the character itself.</summary>
    public static char ToNarrow(char c) => c switch
    {
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '？' => '?',
        '！' => '!',
        '（' => '(',
        '）' => ')',
        _ => c,
    };

    public static bool IsFoldable(char c) => ToWide(c) != c;

    /// <summary>True when the texts write foldable marks mostly in ASCII form next to Han characters.</summary>
    public static bool PrefersAscii(IEnumerable<string> texts)
    {
        int ascii = 0, wide = 0;
        foreach (var text in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (ToNarrow(c) != c)
                {
                    wide++;
                }
                else if (IsFoldable(c) && i > 0 && Text.HanChar.IsHan(text[i - 1]))
                {
                    ascii++;
                }
            }
        }

        return ascii > wide;
    }
}
