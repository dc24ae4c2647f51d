using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Model;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Dedup;

public sealed class NearDuplicateIndexTests
{
    private static readonly NearDuplicateOptions Options = new();

    /// <summary>An article about one company's quarter, and a different article about the same quarter of the same company.</summary>
    private static readonly string Article = string.Join("\n\n", CleanCorpus.Simplified.Take(10));

    private static readonly string SameTopic = string.Join("\n\n",
    [
        "记者从市交通委员会获悉，明年全市计划再开通公交线路15条，重点覆盖新建居住区和产业园区。",
        "项目负责人王建国说，新线路将优先使用新能源车辆，目前车辆采购已经完成招标。",
        "分析人士认为，公交线网调整需要和地铁建设同步推进，否则客流很难真正回升。",
        "据了解，新规将于明年1月1日起施行，届时部分线路的首末班时间也会相应调整。",
        "不少市民担心，线路调整之后换乘次数会增加，交通委表示会在年底前公布详细方案。",
        "会议指出，要加快推进公交专用道建设，优先解决早晚高峰拥堵路段的通行问题。",
        "他说：“公交优先不是一句口号。”随后又补充道，明年上半年会先在三个区试点。",
    ]);

    [Fact]
    public void FindAndAdd_SameNormalizedBody_IsExactDuplicateOfTheFirst()
    {
        var index = new NearDuplicateIndex(Options);
        Assert.Null(index.FindAndAdd(Print(index, "a", Article)));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", Damage.FoldPunctuation(Article).Replace("\n\n", "\n", StringComparison.Ordinal))));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(20)]
    [InlineData(12)]
    public void FindAndAdd_CopyWithEveryNthCharacterEdited_IsNearDuplicate(int every)
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", EditEvery(Article, every))));
    }

    [Fact]
    public void FindAndAdd_TraditionalCopyWithEdits_MatchesTheSimplifiedOriginal()
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", ChineseScript.ToTraditional(EditEvery(Article, 25)))));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.7)]
    public void FindAndAdd_TruncatedCopy_MatchesTheFullArticle(double kept)
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", Article[..(int)(Article.Length * kept)])));
    }

    [Fact]
    public void FindAndAdd_DistinctArticleOnTheSameTopic_IsNotMatched()
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        Assert.Null(index.FindAndAdd(Print(index, "b", SameTopic)));
    }

    [Fact]
    public void FindAndAdd_ChainOfCopies_AllPointToTheFirstOfTheGroup()
    {
        var index = new NearDuplicateIndex(Options);
        var copy = EditEvery(Article, 15);
        Assert.Null(index.FindAndAdd(Print(index, "first", Article)));
        Assert.Null(index.FindAndAdd(Print(index, "other", SameTopic)));
        Assert.Equal("first", index.FindAndAdd(Print(index, "copy", copy)));
        // Closer to the copy than to the original: still answered with the group's first.
        Assert.Equal("first", index.FindAndAdd(Print(index, "copy-of-copy", EditEvery(copy, 16))));
        Assert.Equal("other", index.FindAndAdd(Print(index, "other-copy", ChineseScript.ToTraditional(SameTopic))));
    }

    [Fact]
    public void FindAndAdd_SameOrder_GivesTheSameAnswersOnEveryRun()
    {
        string?[] Run()
        {
            var index = new NearDuplicateIndex(Options);
            return Bodies().Select((body, i) => index.FindAndAdd(Print(index, $"r{i}", body))).ToArray();
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void Restore_EntriesOfAnEarlierRun_AnswersAsTheUninterruptedRun()
    {
        var bodies = Bodies();
        var whole = new NearDuplicateIndex(Options);
        var expected = bodies.Select((body, i) => whole.FindAndAdd(Print(whole, $"r{i}", body))).ToArray();

        var first = new NearDuplicateIndex(Options);
        var half = bodies.Count / 2;
        var answers = bodies.Take(half).Select((body, i) => first.FindAndAdd(Print(first, $"r{i}", body))).ToList();
        var stored = first.Entries.ToList();

        var second = new NearDuplicateIndex(Options);
        second.Restore(stored);
        answers.AddRange(bodies.Skip(half).Select((body, i) => second.FindAndAdd(Print(second, $"r{half + i}", body))));

        Assert.Equal(expected, answers);
        Assert.Equal(whole.Entries.Select(e => (e.Id, e.DuplicateOf)), second.Entries.Select(e => (e.Id, e.DuplicateOf)));
        Assert.All(second.Entries.Zip(whole.Entries), p => Assert.Equal(p.Second.Signature, p.First.Signature));
    }

    [Fact]
    public void FindAndAdd_SameIdAndContentAgain_KeepsItsEarlierAnswer()
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        index.FindAndAdd(Print(index, "b", EditEvery(Article, 30)));
        Assert.Null(index.FindAndAdd(Print(index, "a", Article)));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", EditEvery(Article, 30))));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void FindAndAdd_SameIdWithOtherContent_IsMatchedByItsNewContentOnly()
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", Article));
        Assert.Null(index.FindAndAdd(Print(index, "a", SameTopic)));
        Assert.Equal("a", index.FindAndAdd(Print(index, "b", EditEvery(SameTopic, 20))));
        Assert.Null(index.FindAndAdd(Print(index, "c", EditEvery(Article, 20))));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void FindAndAdd_CopyAddedAfterThousandsOfOtherArticles_StillFindsTheFirst()
    {
        // Enough articles that every band's table has grown several times and re-filed its entries.
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "first", Article));
        var random = new Random(3);
        for (var i = 0; i < 3000; i++)
        {
            var signature = Enumerable.Range(0, Options.SignatureLength).Select(_ => (uint)random.NextInt64(uint.MaxValue)).ToArray();
            Assert.Null(index.FindAndAdd(new IndexedArticle($"{i:x16}", $"{i:x64}", signature, 500)));
        }

        Assert.Equal("first", index.FindAndAdd(Print(index, "copy", EditEvery(Article, 20))));
        Assert.Equal("first", index.FindAndAdd(Print(index, "same", Article)));
    }

    [Theory]
    [InlineData("0123456789abcdef", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    [InlineData("0123456789ABCDEF", "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08")]
    [InlineData("r1", "h")]
    [InlineData("00000000000000000", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    public void Entries_IdAndContentHashOfAnyForm_AreGivenBackAsAdded(string id, string hash)
    {
        var index = new NearDuplicateIndex(Options);
        var article = index.Fingerprint(id, hash, TextFingerprint.Normalize(Article));
        index.FindAndAdd(article);
        index.FindAndAdd(index.Fingerprint("other", hash, TextFingerprint.Normalize(SameTopic)));

        var entry = index.Entries[0];
        Assert.Equal((id, hash, (string?)null), (entry.Id, entry.ContentHash, entry.DuplicateOf));
        Assert.Equal(article.Signature.Select(value => value & 0xFFFF), entry.Signature);
        Assert.Equal(id, index.Entries[1].DuplicateOf);
    }

    [Theory]
    [InlineData(62, true)]
    [InlineData(61, false)]
    public void FindAndAdd_AgreeingBinsAroundTheThreshold_DecideTheMatch(int agreeing, bool matched)
    {
        // 62 of 192 bins is a resemblance of 0.323, 61 is 0.318: either side of the default 0.32.
        var random = new Random(7);
        var original = RandomSignature(random);
        var copy = RandomSignature(random);
        original.AsSpan(0, agreeing).CopyTo(copy);
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(new IndexedArticle("original", "h1", original, 4000));

        Assert.Equal(matched ? "original" : null, index.FindAndAdd(new IndexedArticle("copy", "h2", copy, 4000)));
    }

    [Fact]
    public void FindAndAdd_IndexMadeAtItsFinalSize_DecidesAsOneGrownFromEmpty()
    {
        // 3,000 articles make the grown index double its band tables six times; every tenth is a copy of an earlier
        // one with a fifth of its bins changed, so both kinds of answer are compared.
        var random = new Random(11);
        var articles = new List<IndexedArticle>();
        for (var i = 0; i < 3000; i++)
        {
            var signature = RandomSignature(random);
            if (i % 10 == 9)
            {
                articles[random.Next(i)].Signature.AsSpan(0, 150).CopyTo(signature);
            }

            articles.Add(new IndexedArticle($"a{i}", $"h{i}", signature, 4000));
        }

        var grown = new NearDuplicateIndex(Options);
        var presized = new NearDuplicateIndex(Options, articles.Count);
        var expected = articles.Select(grown.FindAndAdd).ToList();

        Assert.Equal(300, expected.Count(answer => answer is not null));
        Assert.Equal(expected, articles.Select(presized.FindAndAdd));
    }

    [Fact]
    public void Restore_SignatureOfAnotherLength_SaysToFingerprintAgain()
    {
        var other = new NearDuplicateIndex(Options with { Bands = 16, RowsPerBand = 2 });
        other.FindAndAdd(Print(other, "a", Article));
        var index = new NearDuplicateIndex(Options);
        var error = Assert.Throws<InvalidOperationException>(() => index.Restore(other.Entries));
        Assert.Contains("fingerprint the stored bodies again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindAndAdd_ShortBody_IsMatchedExactlyOnly()
    {
        var index = new NearDuplicateIndex(Options);
        index.FindAndAdd(Print(index, "a", "快讯：公司发布公告。"));
        Assert.Null(index.FindAndAdd(Print(index, "b", "快讯：公司发布了公告。")));
        Assert.Equal("a", index.FindAndAdd(Print(index, "c", "快訊:公司發布公告")));
    }

    [Fact]
    public void Scheme_NamesTheShingleAndSignatureLength()
    {
        Assert.Equal($"{MinHasher.Algorithm}/k3/n192/min50", new NearDuplicateIndex(Options).Scheme);
    }

    private static IndexedArticle Print(NearDuplicateIndex index, string id, string body)
    {
        var normalized = TextFingerprint.Normalize(body);
        return index.Fingerprint(id, Hashing.Sha256Hex(normalized), normalized);
    }

    /// <summary>Every <paramref name="every"/>th Han character replaced by another (a damaged or retyped copy).</summary>
    private static string EditEvery(string text, int every)
    {
        var chars = text.ToCharArray();
        for (var i = every / 2; i < chars.Length; i += every)
        {
            if (HanChar.IsHan(chars[i]))
            {
                chars[i] = chars[i] == '的' ? '地' : '的';
            }
        }

        return new string(chars);
    }

    /// <summary>Random MinHash-like values whose low 16 bits differ from bin to bin of another such signature almost surely.</summary>
    private static uint[] RandomSignature(Random random)
    {
        var signature = new uint[Options.SignatureLength];
        for (var i = 0; i < signature.Length; i++)
        {
            signature[i] = (uint)random.NextInt64(uint.MaxValue);
        }

        return signature;
    }

    private static List<string> Bodies() =>
    [
        Article, SameTopic, EditEvery(Article, 20), ChineseScript.ToTraditional(SameTopic),
        string.Join("\n\n", CleanCorpus.Simplified.Skip(4)), Article[..(Article.Length * 3 / 4)],
        EditEvery(SameTopic, 10), string.Join("\n\n", CleanCorpus.Traditional.Skip(4).Reverse()),
    ];
}
