namespace NewsEtl.Text;

/// <summary>Character classes the stages share.</summary>
public static class HanChar
{
    /// <summary>CJK unified ideographs, extension A and compatibility ideographs (BMP only).</summary>
    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>Full-width and CJK punctuation that Chinese text uses between Han characters.</summary>
    public static bool IsCjkPunctuation(char c) =>
        c is (>= '\u3000' and <= '\u303F') or (>= '\uFF01' and <= '\uFF0F') or (>= '\uFF1A' and <= '\uFF20')
            or (>= '\uFF3B' and <= '\uFF40') or (>= '\uFF5B' and <= '\uFF65') or '\u2014' or '\u2026' or '\u00B7'
            or (>= '\u2018' and <= '\u201F');
}
