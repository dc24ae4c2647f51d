namespace NewsEtl.Output.Report;

/// <summary>Bilingual labels (中文 first, English second), and Chinese names of the repair kinds and flags the tool writes.</summary>
internal static class Labels
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["gbk-out-of-step"] = "GBK 错位",
        ["big5-out-of-step"] = "Big5 错位",
        ["note-inside-character"] = "字内注音",
        ["html-remnant"] = "HTML 残留",
        ["pinyin-note"] = "拼音注音",
        ["inserted-note"] = "插入注释",
        ["full-width-punctuation"] = "全角标点",
        ["duplicate-block"] = "重复段落",
        ["duplicate-title"] = "重复标题",
        ["duplicate-lede"] = "重复导语",
        ["merged-from-copy"] = "副本合并",
        ["template-line"] = "模板行",
        ["photo-credit"] = "图片来源行",
        ["truncated"] = "正文截断",
        ["paywalled"] = "付费墙",
        [RecordSummary.UnrepairedSpan] = "未修复片段",
        [RecordSummary.LowConfidenceRepair] = "低置信度修复",
        ["load"] = "加载",
        ["extract"] = "抽取",
        ["repair"] = "修复",
        ["dedup"] = "去重",
        ["write"] = "写出",
        ["total"] = "合计",
    };

    /// <summary>Writes "中文 English" with the English part marked for lighter styling; both escaped.</summary>
    public static void Write(TextWriter writer, string zh, string en)
    {
        Html.Write(writer, zh);
        writer.Write(" <span class=\"en\">");
        Html.Write(writer, en);
        writer.Write("</span>");
    }

    /// <summary>A kind, flag or stage as the data names it, followed by its Chinese name when one is known.</summary>
    public static void WriteTerm(TextWriter writer, string term)
    {
        Html.Write(writer, term);
        if (Chinese.TryGetValue(term, out var zh))
        {
            writer.Write(" <span class=\"zh\">");
            Html.Write(writer, zh);
            writer.Write("</span>");
        }
    }
}
