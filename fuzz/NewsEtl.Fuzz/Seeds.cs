using System.Text;

namespace NewsEtl.Fuzz;

/// <summary>Small, valid-ish starting inputs for each target; AFL mutates them.</summary>
internal static class Seeds
{
    private const string Page =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>标题|界面新闻</title><link rel=\"canonical\" href=\"https://www.jiemian.com/article/1.html\"></head>"
        + "<body><div class=\"article-view\"><div class=\"article-header\"><h1>标题</h1><p>导语。</p></div><div class=\"article-info\"><span class=\"author\"><a>记者</a></span> 2021-05-07 12:00</div>"
        + "<div class=\"article-content\"><p>记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条。</p><figure><img src=\"//img.jiemian.com/a.jpg\"><figcaption>图片来源：视觉中国</figcaption></figure>"
        + "<p>界面新闻记者 | 王五</p><p>“我们希望在年底前完成全部站点的改造。”&amp;&#x4e00;</p></div></div></body></html>";

    public static void Write(string root)
    {
        NewsEtl.Loading.Encodings.EnsureRegistered();
        Save(root, "html", "page.html", Encoding.UTF8.GetBytes(Page));
        Save(root, "html", "nested.html", Encoding.UTF8.GetBytes("<div><font><b><table><tr><td><svg><g><foreignObject><p>正文<!-- x --><script>a<b</script>"));
        Save(root, "html", "gbk.html", Encoding.GetEncoding(936).GetBytes(Page.Replace("utf-8", "gbk", StringComparison.Ordinal)));
        Save(root, "text", "dump.txt", Encoding.UTF8.GetBytes("正在阅读：标题\n标题\n导语。\n文 | 市象 文昌龍\n编辑 | 楊舟\n记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条，日均客运量比去年同期增长12.4%。\n本文为转载内容\n"));
        var mhtml = "MIME-Version: 1.0\r\nSnapshot-Content-Location: https://www.jiemian.com/article/1.html\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://www.jiemian.com/article/1.html\r\n\r\n"
            + "<p>=E7=95=8C=E9=9D=A2 soft=\r\nbreak</p>\r\n--b\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b--\r\n";
        Save(root, "mhtml", "page.mhtml", Encoding.UTF8.GetBytes(mhtml));
        var http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>x<\r\n3\r\n/p>\r\n0\r\n\r\n";
        var warc = $"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nx: y\r\n\r\n"
            + $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: https://www.jiemian.com/article/1.html\r\nContent-Length: {Encoding.UTF8.GetByteCount(http)}\r\n\r\n{http}\r\n\r\n";
        Save(root, "warc", "page.warc", Encoding.UTF8.GetBytes(warc));
        Save(root, "repair", "out-of-step.txt", Encoding.UTF8.GetBytes("他说?！笨此乒终Q，看月亮?xí)r聯(lián)合</p>&amp;nbsp;"));
        Save(root, "repair", "clean.txt", Encoding.UTF8.GetBytes("记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条。"));
    }

    private static void Save(string root, string target, string name, byte[] bytes)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, target)).FullName;
        File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
