using System.Text.RegularExpressions;

namespace NewsEtl.Extraction.Html;

/// <summary>Tells a photo caption or credit from body text by its wording, in either script ("圖片來源：視覺中國" too).</summary>
internal static partial class CaptionRule
{
    /// <summary>A line right after an image that reads like its caption ("图片来源：视觉中国", "来源：东方IC", "摄影：…").</summary>
    public static bool LooksLikeCaption(string text) =>
        text.Length <= 80 && (CreditStart().IsMatch(NewsEtl.Text.ChineseScript.ToSimplified(text)) || IsPhotoCredit(text));

    /// <summary>
    /// A photo credit anywhere in the body: Jiemian puts "图片来源：…" under images, sometimes as its own
    /// paragraph and sometimes after the caption text ("中国外交部发言人耿爽，图片来源：东方IC").
    /// </summary>
    public static bool IsPhotoCredit(string text) => text.Length <= 80 && PhotoCredit().IsMatch(NewsEtl.Text.ChineseScript.ToSimplified(text));

    [GeneratedRegex(@"^[（(]?(图片来源|图片来自|图片提供|图源|图片|摄影|摄|图|来源|视频来源)\s*[:：|｜丨]")]
    private static partial Regex CreditStart();

    [GeneratedRegex(@"(图片来源|图片来自|图源)\s*[:：]")]
    private static partial Regex PhotoCredit();
}
