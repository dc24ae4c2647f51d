using System.Diagnostics;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Dedup;

public sealed class InPageDeduplicatorTests
{
    private const string Title = "公交线路调整方案公布";
    private const string Lede = "明年起全市将新开通公交线路15条，首末班时间同步调整。";
    private static readonly InPageDeduplicator Deduplicator = new(new InPageDedupOptions());
    private static readonly IReadOnlyList<string> P = CleanCorpus.Simplified;

    [Fact]
    public void Deduplicate_RefrainRepeatedThroughThePage_KeepsEveryOccurrence()
    {
        const string refrain = "我们还会回来。";
        var page = Drafts(P[0], refrain, P[1], refrain, P[2], refrain, P[3], refrain);
        var result = Deduplicator.Deduplicate(page, Title, Lede);
        Assert.Equal(page.Select(p => p.Text), Texts(result));
        Assert.Empty(result.Edits);
    }

    [Fact]
    public void Deduplicate_QuoteRepeatedOnceOnPurpose_StaysTwice()
    {
        var page = Drafts(P[0], P[11], P[1], P[2], P[3], P[11], P[4]);
        Assert.Equal(page.Select(p => p.Text), Texts(Deduplicator.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_TwoParagraphsRepeated_AreShorterThanABlockAndStay()
    {
        var page = Drafts(P[0], P[1], P[2], P[3], P[1], P[2], P[4]);
        Assert.Equal(page.Select(p => p.Text), Texts(Deduplicator.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_HeadingReadBackWithACharacterWrongInsideARepeatedBlock_GoesWithTheBlock()
    {
        // The second copy's heading came back from damage with one character wrong: too short to reach the similarity
        // threshold, it sits between copied paragraphs and goes with them.
        var page = Drafts(P[0], P[1], "35 下一步往哪走", P[2], P[3], P[0], P[1], "35 新一步往哪走", P[2], P[3]);

        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Equal([P[0], P[1], "35 下一步往哪走", P[2], P[3]], Texts(result));
    }

    [Fact]
    public void Deduplicate_DifferentHeadingsInsideRepeatedBlocks_BothStay()
    {
        // Headings more than an edit in four apart are different headings, whatever surrounds them.
        var page = Drafts(P[0], P[1], "35 下一步往哪走", P[2], P[3], P[0], P[1], "36 市场怎么看", P[2], P[3]);

        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Contains("35 下一步往哪走", Texts(result));
        Assert.Contains("36 市场怎么看", Texts(result));
    }

    [Fact]
    public void Deduplicate_ArticleRepeatedWhole_KeepsOneCopyInOrder()
    {
        var article = P.Take(6).ToArray();
        var result = Deduplicator.Deduplicate(Drafts([.. article, .. article]), Title, Lede);
        Assert.Equal(article, Texts(result));
        var edit = Assert.Single(result.Edits);
        Assert.Equal(("duplicate-block", 6), (edit.Kind, edit.Paragraph));
    }

    [Fact]
    public void Deduplicate_SecondCopyInTraditionalScript_IsRemoved()
    {
        var article = P.Take(5).ToArray();
        var page = Drafts([.. article, "相关阅读", .. article.Select(ChineseScript.ToTraditional)]);
        Assert.Equal([.. article, "相关阅读"], Texts(Deduplicator.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_CopyWithDamagedCharactersAndFoldedPunctuation_IsRemoved()
    {
        var article = P.Take(4).ToArray();
        var damaged = article.Select(p => Damage.FoldPunctuation(p[..5] + "\uFFFD" + p[7..])).ToArray();
        var page = Drafts(article).Concat(damaged.Select(d => new ParagraphDraft(d, 1))).ToList();
        Assert.Equal(article, Texts(Deduplicator.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_FirstCopyDamaged_KeepsTheCleanerSecondCopyInItsPlaceAndRecordsIt()
    {
        var article = P.Take(4).ToArray();
        var damagedText = article[1][..6] + "\uFFFD\uFFFD" + article[1][8..];
        var page = new List<ParagraphDraft> { new(article[0], 0), new(damagedText, 2), new(article[2], 0), new(article[3], 0), new("编辑：张华", 0) };
        page.AddRange(Drafts(article));

        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Equal([.. article, "编辑：张华"], Texts(result));
        Assert.Equal(0, result.Paragraphs[1].Damage);
        var merge = Assert.Single(result.Edits, e => e.Kind == "merged-from-copy");
        Assert.Equal((1, damagedText, article[1]), (merge.Paragraph, merge.Before, merge.After));
        Assert.Contains(result.Edits, e => e.Kind == "duplicate-block" && e.Paragraph == 5);
    }

    [Fact]
    public void Deduplicate_FirstCopyReadBackByAGuess_KeepsTheSecondCopyTheDamageMissed()
    {
        // Both copies look clean; the first one's character at 6 was chosen by the repair, and it chose wrongly.
        var article = P.Take(3).ToArray();
        var guessed = article[1][..6] + "脩" + article[1][7..];
        var page = new List<ParagraphDraft> { new(article[0], 0), new(guessed, 0, Guessed: 1), new(article[2], 0) };
        page.AddRange(Drafts(article));

        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Equal(article, Texts(result));
        var merge = Assert.Single(result.Edits, e => e.Kind == "merged-from-copy");
        Assert.Equal((1, guessed, article[1]), (merge.Paragraph, merge.Before, merge.After));
    }

    [Fact]
    public void Deduplicate_BothCopiesDamagedInDifferentPlaces_BuildsTheParagraphFromBoth()
    {
        var article = P.Take(3).ToArray();
        var clean = article[0];
        var first = clean[..10] + "\uFFFD" + clean[11..];
        var second = clean[..20] + "\uFFFD" + clean[21..];
        var page = new List<ParagraphDraft> { new(first, 1), new(article[1], 0), new(article[2], 0), new(second, 1), new(article[1], 0), new(article[2], 0) };

        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Equal(article, Texts(result));
        Assert.Equal(0, result.Paragraphs[0].Damage);
        Assert.Contains(result.Edits, e => e.Kind == "merged-from-copy" && e.Paragraph == 0 && e.After == clean);
    }

    [Fact]
    public void Deduplicate_LedeRepeatedAsFirstParagraph_IsRemoved()
    {
        var page = Drafts(Lede, P[0], P[1], P[2]);
        var result = Deduplicator.Deduplicate(page, Title, Lede);
        Assert.Equal([P[0], P[1], P[2]], Texts(result));
        var edit = Assert.Single(result.Edits);
        Assert.Equal(("duplicate-lede", 0), (edit.Kind, edit.Paragraph));
    }

    [Fact]
    public void Deduplicate_TitleRepeatedInTraditionalScript_IsRemoved()
    {
        var page = Drafts(ChineseScript.ToTraditional(Title), P[0], P[1]);
        Assert.Equal([P[0], P[1]], Texts(Deduplicator.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_SubheadThatIsTheTitleWithoutItsPrefix_StaysAsContent()
    {
        // Digest pages open with the first item's headline, which the page title repeats after a column prefix.
        var page = Drafts(Title, P[0], P[1]);
        Assert.Equal([Title, P[0], P[1]], Texts(Deduplicator.Deduplicate(page, "【早报】" + Title, Lede)));
    }

    [Fact]
    public void Deduplicate_SamePageBetweenOtherPages_GivesTheSameResult()
    {
        var article = P.Take(5).ToArray();
        var page = Drafts([.. article, .. article.Select(ChineseScript.ToTraditional), Lede]);
        var alone = new InPageDeduplicator(new InPageDedupOptions()).Deduplicate(page, Title, Lede);

        var shared = new InPageDeduplicator(new InPageDedupOptions());
        shared.Deduplicate(Drafts([.. P.Skip(5), .. P.Skip(5)]), "别的标题", null);
        var between = shared.Deduplicate(page, Title, Lede);
        shared.Deduplicate(Drafts(P[13], P[12]), "又一个标题", "导语");

        Assert.Equal(Texts(alone), Texts(between));
        Assert.Equal(alone.Edits, between.Edits);
        Assert.Equal(Texts(alone), Texts(shared.Deduplicate(page, Title, Lede)));
    }

    [Fact]
    public void Deduplicate_ThousandsOfParagraphs_StaysFuzzyAndFast()
    {
        var random = new Random(5);
        var body = Enumerable.Range(0, 1200).Select(_ => RandomParagraph(random)).ToArray();
        var copy = body.Take(800).Select((p, i) => i % 7 == 0 ? ChineseScript.ToTraditional(p[..^2]) + "\uFFFD" : p);
        var page = Drafts([.. body, .. copy]);
        Assert.True(page.Count <= new InPageDedupOptions().MaximumFuzzyParagraphs);

        var clock = Stopwatch.StartNew();
        var result = Deduplicator.Deduplicate(page, Title, Lede);

        Assert.Equal(body, Texts(result));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Deduplicate_RandomPages_RemoveWhatTheQuadraticSearchRemoves()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var pool = P.Concat(P.Take(4).Select(ChineseScript.ToTraditional)).ToArray();
            var page = Drafts(Enumerable.Range(0, random.Next(3, 40)).Select(_ => pool[random.Next(pool.Length)]).ToArray());
            var result = Deduplicator.Deduplicate(page, Title, null);
            Assert.Equal(QuadraticReference.Kept(page, new InPageDedupOptions()), Texts(result));
        }
    }

    [Fact]
    public void Deduplicate_RandomPagesOfEditedCopies_RemoveWhatTheQuadraticSearchRemoves()
    {
        // Copies with up to a fifth of their characters changed straddle the similarity threshold from both sides.
        var random = new Random(23);
        for (var trial = 0; trial < 150; trial++)
        {
            var originals = Enumerable.Range(0, random.Next(4, 12)).Select(_ => RandomParagraph(random)).ToArray();
            var page = new List<string>();
            for (var k = random.Next(6, 40); k > 0; k--)
            {
                var text = originals[random.Next(originals.Length)];
                page.Add(random.Next(3) == 0 ? text : Edit(text, random.NextDouble() * 0.2, random));
            }

            var drafts = Drafts([.. page]);
            Assert.Equal(QuadraticReference.Kept(drafts, new InPageDedupOptions()), Texts(Deduplicator.Deduplicate(drafts, Title, null)));
        }
    }

    private static string Edit(string text, double share, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length - 1; i++)
        {
            if (random.NextDouble() < share)
            {
                chars[i] = RandomParagraph(random)[0];
            }
        }

        return new string(chars);
    }

    private static List<ParagraphDraft> Drafts(params string[] texts) => [.. texts.Select(t => new ParagraphDraft(t, t.Contains('\uFFFD') ? 1 : 0))];

    private static List<string> Texts(InPageDedupResult result) => [.. result.Paragraphs.Select(p => p.Text)];

    private static string RandomParagraph(Random random)
    {
        const string pool = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";
        return string.Concat(Enumerable.Range(0, random.Next(30, 120)).Select(_ => pool[random.Next(pool.Length)])) + "。";
    }
}
