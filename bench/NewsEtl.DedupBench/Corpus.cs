namespace NewsEtl.DedupBench;

/// <summary>One benchmark record: its true group (an original and its near-duplicates) and its topic.</summary>
internal sealed record BenchRecord(string Id, int Group, int Topic, string Kind, string Body);

/// <summary>The labelled corpus for precision and recall: topics of distinct articles, each with its near-duplicates.</summary>
internal static class Corpus
{
    public const string Original = "original";

    /// <summary>
    /// <paramref name="topics"/> topics × <paramref name="perTopic"/> distinct articles, each followed by one copy of every
    /// variant kind; records are shuffled so the first of a group is not always the original.
    /// About a third of the articles after the first of a topic take two paragraphs word for word from an earlier one
    /// (a follow-up quoting the first report): distinct articles, the hardest negatives.
    /// </summary>
    public static List<BenchRecord> Labelled(int topics, int perTopic, int seed)
    {
        var rng = Rng.For(seed, 1);
        var records = new List<BenchRecord>();
        var chosen = new HashSet<int>();
        while (chosen.Count < topics)
        {
            chosen.Add(rng.Next(ArticleGenerator.TopicCount));
        }

        var group = 0;
        foreach (var topic in chosen.Order())
        {
            var articles = new List<Article>();
            for (var a = 0; a < perTopic; a++)
            {
                var article = ArticleGenerator.Compose(topic, seed * 1000 + a);
                if (a > 0 && rng.Chance(0.35))
                {
                    article = Borrow(article, articles[rng.Next(articles.Count)], rng);
                }

                articles.Add(article);
                records.Add(new BenchRecord($"t{topic}-a{a}", group, topic, Original, article.Body));
                foreach (var kind in Variants.All)
                {
                    records.Add(new BenchRecord($"t{topic}-a{a}-{kind}", group, topic, Variants.Label(kind), Variants.Make(article, kind, rng)));
                }

                group++;
            }
        }

        rng.Shuffle(records);
        return records;
    }

    private static Article Borrow(Article article, Article earlier, Rng rng)
    {
        var paragraphs = article.Paragraphs.ToList();
        var theirs = earlier.Paragraphs.Where(p => !p.Furniture).ToList();
        for (var n = 0; n < 2; n++)
        {
            var at = rng.Next(paragraphs.Count);
            if (!paragraphs[at].Furniture)
            {
                paragraphs[at] = theirs[rng.Next(theirs.Count)];
            }
        }

        return new Article(paragraphs);
    }
}
