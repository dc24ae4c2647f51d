using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.PerfBench.Corpus;
using NewsEtl.Repair;

namespace NewsEtl.PerfBench.Stages;

/// <summary>
/// A fixed sample of generated pages in the corpus's mix (per 50 pages: 14 UTF-8, 5 UTF-8 without meta, 8 GBK,
/// 5 Big5, 7 damaged mirrors, 8 text dumps, 3 list pages), with each stage's input prepared in advance.
/// </summary>
internal sealed class StageSample
{
    public const int Pages = 50;

    private static readonly Dictionary<PageKind, int> Quota = new()
    {
        [PageKind.Utf8Meta] = 14, [PageKind.Utf8NoMeta] = 5, [PageKind.Gbk] = 8, [PageKind.Big5] = 5,
        [PageKind.DamagedMirror] = 7, [PageKind.TextDump] = 8, [PageKind.ListPage] = 3,
    };

    private StageSample(List<RawInput> inputs)
    {
        Encodings.EnsureRegistered();
        Inputs = inputs;
        Decoded = [.. inputs.Select(PageDecoder.Decode)];
        Extractor = new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor());
        Articles = [.. Decoded.Select(p => (p, Extractor.Extract(p).Article)).Where(x => x.Article is not null).Select(x => (x.p, x.Article!))];
    }

    public IReadOnlyList<RawInput> Inputs { get; }

    public IReadOnlyList<DecodedPage> Decoded { get; }

    public ArticleExtractor Extractor { get; }

    /// <summary>The pages that hold an article, with what extraction found.</summary>
    public IReadOnlyList<(DecodedPage Page, ExtractedArticle Article)> Articles { get; }

    public long TotalBytes => Inputs.Sum(i => (long)i.Bytes.Length);

    public static StageSample Create(string templatesFolder, int seed = 20190507)
    {
        var factory = new PageFactory(PageTemplates.Load(templatesFolder));
        var left = new Dictionary<PageKind, int>(Quota);
        var inputs = new List<RawInput>();
        for (var i = 0; inputs.Count < Pages; i++)
        {
            // The kind is the page generator's first draw, so peek at it before building the page.
            var kind = PageFactory.KindOf(CorpusGenerator.PageRandom(seed, i));
            if (left[kind] == 0)
            {
                continue;
            }

            left[kind]--;
            var page = factory.Build(i, CorpusGenerator.PageRandom(seed, i));
            inputs.Add(new RawInput($"{i:D6}-{CorpusGenerator.Slug(page.Kind)}{page.Extension}", page.Bytes, null, null, page.Extension == ".txt" ? "text/plain" : "text/html"));
        }

        return new StageSample(inputs);
    }

    /// <summary>The paragraphs after repair, as the dedup stage receives them, per article page.</summary>
    public IReadOnlyList<(IReadOnlyList<ParagraphDraft> Drafts, string Title, string? Lede)> RepairedDrafts(TextRepairer repairer) =>
        [.. Articles.Select(a =>
        {
            var pageRepairer = repairer.ForPage(a.Article.Paragraphs.Prepend(a.Article.Subtitle ?? string.Empty).Prepend(a.Article.Title));
            var drafts = a.Article.Paragraphs.Select(p => pageRepairer.Repair(p)).Select(r => new ParagraphDraft(r.Text, r.Suspects.Count)).ToList();
            return ((IReadOnlyList<ParagraphDraft>)drafts, a.Article.Title, a.Article.Subtitle);
        })];
}
