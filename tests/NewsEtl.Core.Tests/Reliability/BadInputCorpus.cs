using System.IO.Compression;
using System.Text;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>One hostile or broken input the corpus writes, and the sources it must end as (records or rejections).</summary>
/// <param name="Path">Relative to the corpus folder, '/' separated.</param>
/// <param name="Sources">Every source the input yields; a file yields one, a WARC one per HTML response record.</param>
/// <param name="ReasonContains">When set, the input must be rejected with a reason containing this text.</param>
public sealed record BadInput(string Category, string Path, IReadOnlyList<string> Sources, string? ReasonContains = null);

/// <summary>
/// Writes the bad-input corpus of issue #9, one folder per category: empty and binary files, a 1 MB single line,
/// 100,000-level nesting, unclosed tags, broken entities, invalid UTF-8 and GBK, mixed encodings, NUL bytes, lying
/// BOMs, truncated and corrupt WARC and MHTML, gzip bombs, odd file names, symlink loops and unreadable files. The
/// 200 MB file is written on its own (<see cref="WriteHuge"/>), sparse, by the one test that needs it. Deterministic:
/// the same bytes on every run. Self-contained (BCL only) so the fuzz project can link it to make seeds.
/// </summary>
public static class BadInputCorpus
{
    public const string Empty = "empty";
    public const string Binary = "binary";
    public const string LongLine = "long-line";
    public const string DeepNesting = "deep-nesting";
    public const string UnclosedTags = "unclosed-tags";
    public const string BrokenEntities = "broken-entities";
    public const string InvalidUtf8 = "invalid-utf8";
    public const string InvalidGbk = "invalid-gbk";
    public const string MixedEncodings = "mixed-encodings";
    public const string NulBytes = "nul-bytes";
    public const string LyingBom = "lying-bom";
    public const string BrokenWarc = "broken-warc";
    public const string BrokenMhtml = "broken-mhtml";
    public const string GzipBomb = "gzip-bomb";
    public const string OddNames = "odd-names";
    public const string SymlinkLoops = "symlink-loops";
    public const string Unreadable = "unreadable";
    public const string Huge = "huge";

    public const int Depth = 100_000;

    public static readonly IReadOnlyList<string> Categories =
    [
        Empty, Binary, LongLine, DeepNesting, UnclosedTags, BrokenEntities, InvalidUtf8, InvalidGbk, MixedEncodings,
        NulBytes, LyingBom, BrokenWarc, BrokenMhtml, GzipBomb, OddNames, SymlinkLoops, Unreadable,
    ];

    private const string Url = "https://www.jiemian.com/article/3105535.html";

    private static readonly string[] Paragraphs =
    [
        "记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条，日均客运量比去年同期增长12.4%。",
        "“我们希望在年底前完成全部站点的改造。”项目负责人王建国说，目前工程进度已经超过七成。",
        "分析人士认为，原材料价格回落叠加下游需求回暖，制造业利润有望在第四季度继续修复。",
    ];

    /// <summary>Writes one category's inputs under <paramref name="root"/> and returns what each must become.</summary>
    public static IReadOnlyList<BadInput> Write(string root, string category)
    {
        Directory.CreateDirectory(root);
        var w = new Writer(root, category);
        switch (category)
        {
            case Empty:
                w.File("empty.html", []);
                w.File("empty.txt", []);
                w.File("empty.mhtml", []);
                w.File("empty.warc.gz", []);
                w.File("blank.html", Utf8("  \r\n\t \n"), "empty page");
                w.File("bom-only.html", [0xEF, 0xBB, 0xBF], "empty page");
                break;
            case Binary:
                w.File("random.html", Random(1, 64 * 1024), "binary");
                w.File("png.html", [0x89, .. "PNG\r\n\x1A\n"u8, .. Random(2, 4096)], "binary");
                w.File("elf.txt", [0x7F, .. "ELF"u8, .. Random(3, 8192)]);
                w.File("zeros.mhtml", new byte[4096]);
                w.File("random.warc", Random(4, 8192), "corrupt WARC");
                w.File("random.warc.gz", [0x1F, 0x8B, .. Random(5, 8192)], "gzip");
                break;
            case LongLine:
                w.File("one-line.txt", Utf8(string.Concat(Enumerable.Repeat(Paragraphs[0], 1_048_576 / 120))));
                w.File("one-line.html", Utf8(Page(string.Concat(Enumerable.Repeat("<p>" + Paragraphs[1] + "</p>", 1_048_576 / 150)))));
                // Long runs of spaces and digits where dates, titles and styles are matched by patterns.
                w.File("spaces-in-date.html", Utf8(Page(Paragraphs[2], info: "2019-05-07" + new string(' ', 1_048_576) + "x")));
                w.File("digits.html", Utf8(Page(Paragraphs[2], info: new string('9', 1_048_576))));
                w.File("title.html", Utf8(Page(Paragraphs[2], title: string.Concat(Enumerable.Repeat("404 | ", 200_000)))));
                w.File("style.html", Utf8(Page($"<p style=\"{string.Concat(Enumerable.Repeat("display ", 150_000))}\">{Paragraphs[0]}</p>")));
                w.File("iso-date.html", Utf8(Page(Paragraphs[2], head: $"<meta property=\"article:published_time\" content=\"{string.Concat(Enumerable.Repeat("T00:00", 170_000))}\">")));
                w.File("lines-no-newline.txt", Utf8(new string('界', 1_048_576)));
                break;
            case DeepNesting:
                w.File("div.html", Utf8(Page(Repeat("<div>", Depth) + Paragraphs[0])));
                w.File("div-closed.html", Utf8(Page(Repeat("<div>", Depth) + Paragraphs[0] + Repeat("</div>", Depth))));
                w.File("font.html", Utf8(Page(Repeat("<font>", Depth) + Paragraphs[0])));
                w.File("b-distinct.html", Utf8(Page(string.Concat(Enumerable.Range(0, Depth).Select(i => $"<b id={i}>")) + Paragraphs[0])));
                w.File("table.html", Utf8(Page(Repeat("<table><tr><td>", Depth / 3) + Paragraphs[0])));
                w.File("svg.html", Utf8(Page("<svg>" + Repeat("<g>", Depth) + "</svg>" + Paragraphs[0])));
                w.File("self-closing.html", Utf8(Page(Repeat("<div/>", Depth) + Paragraphs[0])));
                w.File("article-content.html", Utf8(Page(Repeat("<span>", Depth) + string.Concat(Paragraphs.Select(p => $"<p>{p}</p>")))));
                w.File("quotes.html", Utf8(Page(Repeat("<div title='>'>", Depth) + Paragraphs[0])));
                break;
            case UnclosedTags:
                w.File("unclosed-p.html", Utf8(Page(string.Concat(Enumerable.Repeat(Paragraphs, 300).SelectMany(p => p).Select(p => "<p>" + p)))));
                w.File("unclosed-comment.html", Utf8(Page(Paragraphs[0]) + "<!-- never closed " + Paragraphs[1]));
                w.File("unclosed-script.html", Utf8("<html><body><script>var x = '<p>" + Paragraphs[0]));
                w.File("unclosed-attribute.html", Utf8("<html><body><p class=\"" + Paragraphs[0] + Repeat("<p>x", 1000)));
                w.File("cut-mid-tag.html", Utf8(Page(Paragraphs[0])[..^40] + "<div class=\"art"));
                w.File("only-open.html", Utf8(Repeat("<", 100_000)));
                break;
            case BrokenEntities:
                w.File("entities.html", Utf8(Page(string.Join("", Paragraphs.Select(p => $"<p>{p}&#xFFFFFFFF;&#0;&#55296;&#x110000;&amp&lt&bogus;&#;&#x;&</p>")))));
                w.File("ampersands.html", Utf8(Page(Repeat("&", 500_000) + Paragraphs[0])));
                w.File("numeric-run.html", Utf8(Page(Repeat("&#9999999999999999999999", 20_000) + Paragraphs[0])));
                w.File("entities.txt", Utf8(string.Join("\n", Paragraphs.Select(p => p + "&#xD800;&nbsp&amp;amp;"))));
                break;
            case InvalidUtf8:
                byte[] bad = [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x80, 0xBF, 0xFE, 0xFF];
                w.File("bad-utf8.html", [.. Utf8(Page(Paragraphs[0])[..200]), .. bad, .. Utf8(Page(Paragraphs[1])), 0xE4, 0xB8]);
                w.File("bad-utf8-meta.html", [.. Utf8("<meta charset=utf-8>"), .. Interleave(Utf8(Page(string.Concat(Paragraphs))), bad)]);
                w.File("bad-utf8.txt", [.. Utf8(Paragraphs[0]), .. bad, .. Utf8("\n" + Paragraphs[1]), 0xF0, 0x9F]);
                break;
            case InvalidGbk:
                byte[] badGbk = [0x81, 0x7F, 0xFF, 0xFE, 0x80, 0xA1, 0x20, 0xFE, 0xFF];
                w.File("bad-gbk.html", [.. Gbk(Page(Paragraphs[0], head: "<meta charset=\"gbk\">")[..300]), .. badGbk, .. Gbk(Page(Paragraphs[1])), 0x81]);
                w.File("bad-big5.html", [.. Big5Bytes("<meta charset=big5>" + Page("界面新聞記者獲悉。")), 0xF9, 0xFE, 0xA3, 0xE1, 0x81]);
                w.File("lead-bytes.txt", [.. Enumerable.Repeat((byte)0x81, 100_000)]);
                break;
            case MixedEncodings:
                w.File("gbk-utf8-big5.html", [.. Utf8("<html><head><title>混合</title></head><body><p>"), .. Gbk(Paragraphs[0]), .. Utf8("</p><p>" + Paragraphs[1] + "</p><p>"), .. Big5Bytes("界面新聞記者獲悉，中國人民銀行今日宣佈。"), .. Utf8("</p></body></html>")]);
                w.File("utf16-in-utf8.html", [.. Utf8(Page(Paragraphs[0])), .. Encoding.Unicode.GetBytes(Paragraphs[1])]);
                w.File("mixed.txt", [.. Gbk(Paragraphs[0] + "\n"), .. Utf8(Paragraphs[1] + "\n"), .. Big5Bytes("中國人民銀行今日宣佈\n")]);
                break;
            case NulBytes:
                w.File("nul-inside.html", Interleave(Utf8(Page(string.Concat(Paragraphs.Select(p => $"<p>{p}</p>")))), [0]));
                w.File("all-nul.html", new byte[100_000], "binary");
                w.File("nul.txt", [.. Utf8(Paragraphs[0]), 0, 0, 0, .. Utf8("\n" + Paragraphs[1])]);
                w.File("nul-in-tag.html", Utf8(Page("<p\0 class=\"a\0b\">" + Paragraphs[0] + "</p\0>")));
                break;
            case LyingBom:
                w.File("utf16le-bom-on-utf8.html", [0xFF, 0xFE, .. Utf8(Page(Paragraphs[0]))]);
                w.File("utf16be-bom-odd.html", [0xFE, 0xFF, .. Utf8(Page(Paragraphs[0])), 0x41]);
                w.File("utf8-bom-on-gbk.html", [0xEF, 0xBB, 0xBF, .. Gbk(Page(Paragraphs[0]))]);
                w.File("bom-then-utf16.txt", [0xEF, 0xBB, 0xBF, .. Encoding.Unicode.GetBytes(Paragraphs[1])]);
                break;
            case BrokenWarc:
                WriteBrokenWarcs(w);
                break;
            case BrokenMhtml:
                WriteBrokenMhtml(w);
                break;
            case GzipBomb:
                WriteGzipBombs(w);
                break;
            case OddNames:
                var good = Utf8(Page(string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"))));
                foreach (var name in new[]
                {
                    "=HYPERLINK(\"http---evil\",\"x\").html", "-rf.html", "+1.html", "@sum.html", "a,b\"c.html", "new\nline.html",
                    "tab\tname.html", "\u202Eevil\u202Clmth.html", "emoji-😀.html", "..html", "...html", "back\\slash.html",
                    "trailing space .html", "中文名字.html", "a#b.html", new string('n', 200) + ".html", "UPPER.HTML", "no-extension",
                })
                {
                    w.File(name, good);
                }

                // A file named like a WARC record must not replace that record's outcome (nor be replaced by it).
                w.File("a.warc", Warc(("urn:x", Page(Paragraphs[0]))), sources: ["a.warc#urn:x"]);
                w.File("a.warc#urn:x", good, source: "a.warc#urn:x~2");
                break;
            case SymlinkLoops:
                w.File("page.html", Utf8(Page(Paragraphs[0])));
                w.Link("loop", ".", "not followed");
                w.Folder("sub");
                w.Link("sub/up", "..", "not followed");
                w.Link("self.html", "self.html", "cannot read");
                w.Link("a.html", "b.html", "cannot read");
                w.Link("b.html", "a.html", "cannot read");
                w.Link("dangling.html", "missing/nowhere.html", "cannot read");
                w.Link("zero.html", "/dev/zero", "empty file");
                break;
            case Unreadable:
                w.File("locked.html", Utf8(Page(Paragraphs[0])), mode: UnixFileMode.None);
                w.Folder("locked-folder", mode: UnixFileMode.None);
                w.File("dir.html/inner.html", Utf8(Page(Paragraphs[1])));
                w.Fifo("fifo.html", "empty file");
                break;
            default:
                throw new ArgumentException($"unknown category {category}", nameof(category));
        }

        return w.Inputs;
    }

    /// <summary>Writes a sparse 200 MB .html and a .warc whose one record claims 200 MB (both must be rejected, not read whole).</summary>
    public static IReadOnlyList<BadInput> WriteHuge(string root)
    {
        Directory.CreateDirectory(root);
        const long Size = 200L * 1024 * 1024;
        using (var file = new FileStream(System.IO.Path.Combine(root, "huge.html"), FileMode.Create))
        {
            file.Write(Utf8(Page(Paragraphs[0])));
            file.SetLength(Size);
        }

        using (var file = new FileStream(System.IO.Path.Combine(root, "huge.warc"), FileMode.Create))
        {
            // The record's block (HTTP head and a sparse body) is exactly Size bytes, then the record's closing CRLF CRLF.
            var head = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:huge>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {Size}\r\n\r\n";
            file.Write(Encoding.ASCII.GetBytes(head + "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"));
            file.SetLength(head.Length + Size);
            file.Seek(0, SeekOrigin.End);
            file.Write("\r\n\r\n"u8);
        }

        return
        [
            new BadInput(Huge, "huge.html", ["huge.html"], "exceeds MaxInputBytes"),
            new BadInput(Huge, "huge.warc", ["huge.warc#urn:huge"], "exceeds MaxInputBytes"),
        ];
    }

    /// <summary>A Jiemian 2021-template article page (the extractor's happy path) with the given body markup.</summary>
    public static string Page(string body, string title = "界面新闻标题", string info = "2021-05-07 12:00", string head = "") =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}<title>{title}|界面新闻</title><link rel=\"canonical\" href=\"{Url}\"></head>"
        + $"<body><div class=\"article-view\"><div class=\"article-header\"><h1>{title}</h1></div><div class=\"article-info\">{info}</div>"
        + $"<div class=\"article-content\">{body}</div></div></body></html>";

    /// <summary>A page that becomes a record: three paragraphs of clean prose, varied by <paramref name="seed"/>.</summary>
    public static string GoodPage(int seed) =>
        Page(string.Concat(Paragraphs.Select(p => $"<p>{p}第{seed}号。</p>")), title: $"界面新闻标题{seed}");

    /// <summary>A WARC file with one HTML response record per (record id, page).</summary>
    public static byte[] Warc(params (string Id, string Html)[] records)
    {
        var output = new List<byte>();
        foreach (var (id, html) in records)
        {
            output.AddRange(WarcRecord(id, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"u8.ToArray(), Utf8(html)));
        }

        return [.. output];
    }

    public static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private static byte[] WarcRecord(string id, byte[] httpHead, byte[] body, string? contentLength = null)
    {
        var block = httpHead.Concat(body).ToArray();
        var header = $"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{id}>\r\nWARC-Target-URI: {Url}\r\n"
            + $"Content-Type: application/http; msgtype=response\r\nContent-Length: {contentLength ?? block.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static void WriteBrokenWarcs(Writer w)
    {
        var whole = Warc(("urn:a", Page(Paragraphs[0])), ("urn:b", Page(Paragraphs[1])));
        var gz = Gzip(whole);
        w.File("truncated.warc", whole[..(whole.Length - 200)], sources: ["truncated.warc#urn:a", "truncated.warc"]);
        w.File("truncated.warc.gz", gz[..(gz.Length / 2)], "");
        var flipped = (byte[])gz.Clone();
        for (var i = 20; i < flipped.Length; i += 7)
        {
            flipped[i] ^= 0x5A;
        }

        w.File("corrupt.warc.gz", flipped, "");
        w.File("header-only.warc", Utf8("WARC/1.0\r\nWARC-Type: response\r\n"), "corrupt WARC");
        w.File("bad-length.warc", WarcRecord("urn:c", Utf8("HTTP/1.1 200 OK\r\n\r\n"), Utf8("x"), "-5"), "Content-Length");
        w.File("huge-length.warc", WarcRecord("urn:d", Utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"), Utf8(Page(Paragraphs[0])), "99999999999999"), "truncated WARC");
        w.File("not-a-number.warc", WarcRecord("urn:e", Utf8("HTTP/1.1 200 OK\r\n\r\n"), Utf8("x"), "ten"), "Content-Length");
        w.File("no-http-end.warc", WarcRecord("urn:f", Utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"), Utf8(Repeat("X-A: b\r\n", 10_000))), sources: ["no-http-end.warc#urn:f", "no-http-end.warc"]);
        w.File("duplicate-ids.warc", Warc(("urn:same", Page(Paragraphs[0])), ("urn:same", Page(Paragraphs[1]))), sources: ["duplicate-ids.warc#urn:same", "duplicate-ids.warc#urn:same~2"]);
        w.File("many-header-lines.warc", Utf8("WARC/1.0\r\n" + Repeat("X-Pad: 1\r\n", 200_000) + "\r\n"), "header block");
        w.File("blank-lines.warc.gz", Gzip(Utf8(Repeat("\r\n", 5_000_000))), "blank lines");
        w.File("bad-chunked.warc", WarcRecord("urn:g", Utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"), Utf8("5\r\nabc")), sources: ["bad-chunked.warc#urn:g"]);
        w.File("bad-brotli.warc", WarcRecord("urn:h", Utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\n"), Random(6, 2000)), sources: ["bad-brotli.warc#urn:h"]);
    }

    private static void WriteBrokenMhtml(Writer w)
    {
        const string Boundary = "----b";
        string Mhtml(string parts, string contentType = $"multipart/related; type=\"text/html\"; boundary=\"{Boundary}\"") =>
            $"From: <Saved by Blink>\r\nSnapshot-Content-Location: {Url}\r\nMIME-Version: 1.0\r\nContent-Type: {contentType}\r\n\r\n{parts}";
        var html = $"--{Boundary}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{Page(Paragraphs[0]).Replace("=", "=3D", StringComparison.Ordinal)}\r\n";
        w.File("truncated-in-html.mhtml", Utf8(Mhtml(html[..(html.Length / 2)])), "MHTML");
        w.File("truncated-after-html.mhtml", Utf8(Mhtml(html + $"--{Boundary}\r\nContent-Type: text/css\r\n\r\nbody{{")));
        w.File("no-boundary.mhtml", Utf8(Mhtml(html, "multipart/related")), "no boundary");
        w.File("wrong-boundary.mhtml", Utf8(Mhtml(html.Replace(Boundary, "other", StringComparison.Ordinal) + "--other--")), "never appears");
        w.File("bad-base64.mhtml", Utf8(Mhtml($"--{Boundary}\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!****\r\n--{Boundary}--")), "base64");
        w.File("headers-never-end.mhtml", Utf8("Content-Type: multipart/related; boundary=x\r\n" + Repeat("X: y\r\n", 100_000)), "MHTML");
        w.File("folded-header.mhtml", Utf8("Content-Type: multipart/related; boundary=x\r\nSubject: a\r\n" + Repeat(" b\r\n", 300_000) + "\r\n--x\r\nContent-Type: text/html\r\n\r\n" + Page(Paragraphs[0]) + "\r\n--x--"));
        w.File("nested-multipart.mhtml", Utf8(Mhtml(Repeat($"--{Boundary}\r\nContent-Type: multipart/mixed; boundary=\"{Boundary}\"\r\n\r\n", 10_000))), "MHTML");
        w.File("many-parts.mhtml", Utf8(Mhtml(Repeat($"--{Boundary}\r\nContent-Type: image/png\r\n\r\nx\r\n", 100_000) + $"--{Boundary}--")), "no text/html part");
    }

    private static void WriteGzipBombs(Writer w)
    {
        // An HTTP body that inflates to 1 GiB of spaces: bounded by MaxInputBytes while inflating.
        var bomb = GzipOfZeros(1024L * 1024 * 1024, (byte)' ');
        w.File("content-encoding.warc", WarcRecord("urn:bomb", Utf8("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"), bomb), "exceeds MaxInputBytes", sources: ["content-encoding.warc#urn:bomb"]);
        // A .warc.gz whose one record claims 2 GiB of inflated zeros: skipped while inflating, then the ratio limit stops it.
        var head = Utf8($"WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:r>\r\nContent-Length: {4L * 1024 * 1024 * 1024}\r\n\r\n");
        w.File("archive.warc.gz", [.. Gzip(head), .. GzipOfZeros(2L * 1024 * 1024 * 1024, 0)], "decompression bomb");
        // A .warc.gz that inflates to a gigabyte of one header line.
        w.File("header-line.warc.gz", GzipOfZeros(1024L * 1024 * 1024, (byte)'W'), "header line");
    }

    // One gzip member of 16 MiB of one byte, repeated: concatenated members are one gzip stream, so a gigabyte
    // costs ~64 KB on disk and a few milliseconds to make.
    private static byte[] GzipOfZeros(long length, byte value)
    {
        const int MemberBytes = 16 << 20;
        var chunk = new byte[MemberBytes];
        Array.Fill(chunk, value);
        var member = Gzip(chunk, CompressionLevel.SmallestSize);
        var count = (int)(length / MemberBytes);
        var output = new byte[member.Length * count];
        for (var i = 0; i < count; i++)
        {
            member.CopyTo(output, i * member.Length);
        }

        return output;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Gbk(string text)
    {
        NewsEtl.Loading.Encodings.EnsureRegistered();
        return Encoding.GetEncoding(936).GetBytes(text);
    }

    private static byte[] Big5Bytes(string text)
    {
        NewsEtl.Loading.Encodings.EnsureRegistered();
        return Encoding.GetEncoding(950).GetBytes(text);
    }

    private static byte[] Random(int seed, int length)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Interleave(byte[] text, byte[] junk)
    {
        var output = new List<byte>(text.Length + (text.Length / 50 * junk.Length));
        for (var i = 0; i < text.Length; i++)
        {
            output.Add(text[i]);
            if (i % 50 == 49)
            {
                output.AddRange(junk);
            }
        }

        return [.. output];
    }

    private sealed class Writer(string root, string category)
    {
        public List<BadInput> Inputs { get; } = [];

        public void File(string relative, byte[] bytes, string? reason = null, IReadOnlyList<string>? sources = null, string? source = null, UnixFileMode? mode = null)
        {
            var path = Full(relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(path, m);
            }

            Inputs.Add(new BadInput(category, relative, sources ?? [source ?? relative], reason));
        }

        public void Folder(string relative, UnixFileMode? mode = null)
        {
            var path = Full(relative);
            Directory.CreateDirectory(path);
            System.IO.File.WriteAllBytes(System.IO.Path.Combine(path, "inside.html"), Utf8(Page(Paragraphs[2])));
            if (mode is { } m && !OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(path, m);
            }

            // A folder that can be listed yields its page; one that cannot (not as root) yields a listing failure.
            Inputs.Add(new BadInput(category, relative, [relative + "/inside.html"]));
        }

        public void Link(string relative, string target, string reason)
        {
            System.IO.File.CreateSymbolicLink(Full(relative), target);
            Inputs.Add(new BadInput(category, relative, [relative], reason));
        }

        public void Fifo(string relative, string reason)
        {
            using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [Full(relative)]))
            {
                mkfifo.WaitForExit();
            }

            Inputs.Add(new BadInput(category, relative, [relative], reason));
        }

        private string Full(string relative) => System.IO.Path.Combine(root, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));
    }
}
