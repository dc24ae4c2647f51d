using System.Globalization;

namespace NewsEtl.Core.Tests.Fetching;

/// <summary>Small pages shaped like Jiemian articles (title, byline, date, paragraphs), for the test site to serve.</summary>
internal static class JiemianPages
{
    public static string Article(int id, string title = "央行宣布降准0.5个百分点 释放长期资金约1万亿元", string charset = "utf-8") =>
        $"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="{charset}"><title>{title}|界面新闻</title>
        <link rel="canonical" href="https://www.jiemian.com/article/{id.ToString(CultureInfo.InvariantCulture)}.html"></head>
        <body><div class="article-header"><h1>{title}</h1>
        <div class="article-info"><span class="author">界面新闻记者 | 王晓</span><span class="date">2025/03/01 08:00</span></div></div>
        <div class="article-content">
        <p>界面新闻记者 | 王晓</p>
        <p>中国人民银行3月1日宣布，决定下调金融机构存款准备金率0.5个百分点。</p>
        <p>此次降准后，金融机构加权平均存款准备金率约为6.6%。</p>
        </div></body></html>
        """;

    /// <summary>A traditional-script page, for Big5.</summary>
    public static string TraditionalArticle() =>
        """
        <!DOCTYPE html>
        <html><head><title>央行宣布降準|界面新聞</title></head>
        <body><div class="article-content"><p>中國人民銀行宣布，決定下調金融機構存款準備金率。</p></div></body></html>
        """;
}
