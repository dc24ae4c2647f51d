using System.Text;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.PerfBench.Corpus;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.PerfBench.Quality;

/// <summary>
/// How close the whole pipeline comes to the article behind a text dump (the sample page's kind of input: traditional
/// script, the article two or three times, pinyin notes, GBK chunk damage, folded punctuation). The corpus generator
/// knows each dump's article, so the record's body is compared with it paragraph by paragraph.
/// </summary>
internal static partial class TextDumpQuality
{
    public static string Run(int dumps, int seed, string templates) => Run(dumps, seed, templates, PageKind.TextDump);

    /// <summary>The same measure for the pages of one kind (an article page's kind, or text dumps).</summary>
    public static string Run(int dumps, int seed, string templates, PageKind kind, TextDumpVariant variant = TextDumpVariant.Standard)
    {
        Encodings.EnsureRegistered();
        var factory = new PageFactory(PageTemplates.Load(templates), variant);
        var processor = Processor();
        int pages = 0, exactPages = 0, records = 0, flagged = 0, expectedParagraphs = 0, exactParagraphs = 0;
        long expectedChars = 0, wrongChars = 0, leftMarks = 0, leftNotes = 0;
        var worst = new List<(long Wrong, int Index)>();
        for (var i = 0; pages < dumps && i < dumps * 50; i++)
        {
            var page = factory.Build(i, CorpusGenerator.PageRandom(seed, i));
            if (page.Kind != kind || page.Expected is not { } expected)
            {
                continue;
            }

            pages++;
            var outcome = processor.Process(PageDecoder.Decode(new RawInput($"{i:D6}{page.Extension}", page.Bytes, null, null, page.Extension == ".txt" ? "text/plain" : "text/html")), 0);
            var actual = outcome.Record?.Paragraphs ?? [];
            records += outcome.Record is null ? 0 : 1;
            flagged += outcome.Record?.Flags.Contains("unrepaired-span", StringComparison.Ordinal) == true ? 1 : 0;
            var (exact, wrong) = Compare(expected, actual);
            if (wrong > 0 && Environment.GetEnvironmentVariable("NEWSETL_QUALITY_KEEP") is { Length: > 0 } keep)
            {
                // The pages that came out wrong, kept to run through the CLI or the repair tools.
                Directory.CreateDirectory(keep);
                File.WriteAllBytes(Path.Combine(keep, $"{i:D6}{page.Extension}"), page.Bytes);
            }

            if (wrong > 0 && Environment.GetEnvironmentVariable("NEWSETL_QUALITY_SHOW") == "1")
            {
                foreach (var extra in actual.Where(a => !expected.Contains(a)))
                {
                    Console.Error.WriteLine($"{i:D6} + {extra}");
                }

                foreach (var missing in expected.Where(e => !actual.Contains(e)))
                {
                    Console.Error.WriteLine($"{i:D6} - {missing}");
                }
            }

            expectedParagraphs += expected.Count;
            exactParagraphs += exact;
            expectedChars += expected.Sum(p => p.Length);
            wrongChars += wrong;
            exactPages += wrong == 0 && expected.Count == actual.Count ? 1 : 0;
            foreach (var p in actual)
            {
                leftMarks += Marks(p);
                leftNotes += Notes(p);
            }

            worst.Add((wrong, i));
        }

        var sb = new StringBuilder();
        sb.AppendLine($"| {kind} pages | records | bodies exact | paragraphs exact | character accuracy | `?` or U+FFFD beside Han left | pinyin notes left | flagged unrepaired-span |");
        sb.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine($"| {pages} | {records} | {exactPages} ({Pct(exactPages, pages)}) | {exactParagraphs} of {expectedParagraphs} ({Pct(exactParagraphs, expectedParagraphs)}) | {100.0 * (1 - ((double)wrongChars / expectedChars)):F4}% ({wrongChars} of {expectedChars} characters) | {leftMarks} | {leftNotes} | {flagged} |");
        sb.AppendLine();
        sb.AppendLine("Pages with the most characters wrong: " + string.Join(", ", worst.OrderByDescending(w => w.Wrong).Take(5).Select(w => $"{w.Index:D6} ({w.Wrong})")));
        return sb.ToString();
    }

    /// <summary>The pipeline's extraction, repair and in-page dedup with their defaults, as a run makes them.</summary>
    internal static ArticleProcessor Processor() => new(
        new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor()),
        new TextRepairer(new RepairOptions()),
        new InPageDeduplicator(new InPageDedupOptions()));

    /// <summary>Paragraphs of <paramref name="expected"/> given back exactly, and the edit distance of the whole body.</summary>
    internal static (int Exact, long Wrong) Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        // Paragraphs aligned by a longest common subsequence of equal paragraphs; between two anchors the rest are paired
        // in order and compared character by character, and any left over count whole.
        var n = expected.Count;
        var m = actual.Count;
        var lcs = new int[n + 1, m + 1];
        for (var a = n - 1; a >= 0; a--)
        {
            for (var b = m - 1; b >= 0; b--)
            {
                lcs[a, b] = string.Equals(expected[a], actual[b], StringComparison.Ordinal) ? lcs[a + 1, b + 1] + 1 : Math.Max(lcs[a + 1, b], lcs[a, b + 1]);
            }
        }

        int i = 0, j = 0, exact = 0;
        long wrong = 0;
        var pendingE = new List<string>();
        var pendingA = new List<string>();
        while (i < n || j < m)
        {
            if (i < n && j < m && string.Equals(expected[i], actual[j], StringComparison.Ordinal))
            {
                wrong += Pending(pendingE, pendingA);
                exact++;
                i++;
                j++;
            }
            else if (j >= m || (i < n && lcs[i + 1, j] >= lcs[i, j + 1]))
            {
                pendingE.Add(expected[i++]);
            }
            else
            {
                pendingA.Add(actual[j++]);
            }
        }

        return (exact, wrong + Pending(pendingE, pendingA));
    }

    private static long Pending(List<string> expected, List<string> actual)
    {
        long wrong = 0;
        for (var k = 0; k < Math.Max(expected.Count, actual.Count); k++)
        {
            wrong += k < expected.Count && k < actual.Count ? Levenshtein.Distance(expected[k], actual[k])
                : k < expected.Count ? expected[k].Length : actual[k].Length;
        }

        expected.Clear();
        actual.Clear();
        return wrong;
    }

    // A lost-byte mark left between Chinese characters: '?' or U+FFFD with a Han character on either side.
    private static int Marks(string text)
    {
        var count = 0;
        for (var k = 0; k < text.Length; k++)
        {
            if (text[k] is '?' or '\uFFFD'
                && ((k > 0 && NewsEtl.Text.HanChar.IsHan(text[k - 1])) || (k + 1 < text.Length && NewsEtl.Text.HanChar.IsHan(text[k + 1]))))
            {
                count++;
            }
        }

        return count;
    }

    // A converter's note left: a syllable in brackets (the measure reads it the same way for every build).
    private static int Notes(string text) =>
        NoteText().Matches(text).Count(m => NewsEtl.Text.PinyinReadings.IsSyllable(m.Groups[1].Value));

    [System.Text.RegularExpressions.GeneratedRegex(@"[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6})[)）]")]
    private static partial System.Text.RegularExpressions.Regex NoteText();

    private static string Pct(long part, long whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:F1}%";
}
