using System.Text;
using NewsEtl.Loading;

namespace NewsEtl.Core.Tests.Loading.Support;

/// <summary>Page text used across the loading tests, and its bytes in the legacy Chinese charsets.</summary>
public static class Samples
{
    public const string Simplified = "界面新闻记者获悉，中国人民银行今日宣布下调存款准备金率，以支持实体经济发展。市场人士认为，这一举措将释放长期资金约八千亿元。";

    public const string Traditional = "界面新聞記者獲悉，中國人民銀行今日宣佈下調存款準備金率，以支持實體經濟發展。市場人士認為，這一舉措將釋放長期資金約八千億元。";

    public static string Html(string body, string head = "", string title = "新闻") =>
        $"<!DOCTYPE html><html><head>{head}<title>{title}</title></head><body><p>{body}</p></body></html>";

    /// <summary>A traditional-script page: its title must be encodable in Big5 too.</summary>
    public static string TraditionalHtml(string head = "") => Html(Traditional, head, "新聞");

    public static byte[] Gbk(string text)
    {
        Encodings.EnsureRegistered();
        return Encoding.GetEncoding(936).GetBytes(text);
    }

    public static byte[] Big5(string text)
    {
        Encodings.EnsureRegistered();
        return Encoding.GetEncoding(950).GetBytes(text);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
