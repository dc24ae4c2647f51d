using NewsEtl.Dedup;

namespace NewsEtl.Core.Tests.Dedup;

public sealed class SimilarParagraphsTests
{
    private const double Threshold = 0.8;

    /// <summary>
    /// The filters that keep most pairs from being compared (a prefix of each paragraph's rarest pairs, and how much two
    /// paragraphs can still share past the first pair they have in common) must never lose a pair: on pages built to
    /// hold many pairs just above and just below the threshold, what the search finds is every pair whose Dice
    /// coefficient reaches it, compared one by one.
    /// </summary>
    [Fact]
    public void Find_PagesOfNearCopies_FindsEveryPairThatReachesTheThresholdAndNoOther()
    {
        var random = new Random(5);
        var found = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var keys = NearCopies(random);
            using var grams = new PageBigrams(keys);

            var actual = SimilarParagraphs.Find(keys, grams, Threshold).Select(SimilarParagraphs.Unpair).ToHashSet();

            var expected = new HashSet<(int, int)>();
            for (var i = 0; i < keys.Length; i++)
            {
                for (var j = i + 1; j < keys.Length; j++)
                {
                    if (SimilarParagraphs.LengthsClose(keys[i], keys[j])
                        && TextFingerprint.Similarity(TextFingerprint.Bigrams(keys[i]), TextFingerprint.Bigrams(keys[j])) >= Threshold)
                    {
                        expected.Add((i, j));
                    }
                }
            }

            Assert.Equal(expected.Order(), actual.Order());
            found += expected.Count;
        }

        // The pages hold pairs to find, not only pairs to reject.
        Assert.True(found > 1000, $"only {found} similar pairs in all the pages");
    }

    /// <summary>
    /// A page of distinct paragraphs over a small alphabet (so that unrelated ones share pairs too), each a few
    /// originals copied with from none to a fifth of their characters changed, put in or left out.
    /// </summary>
    private static string[] NearCopies(Random random)
    {
        const string Alphabet = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研";
        var originals = Enumerable.Range(0, random.Next(3, 8))
            .Select(_ => new string(Enumerable.Range(0, random.Next(12, 60)).Select(_ => Alphabet[random.Next(Alphabet.Length)]).ToArray()))
            .ToList();
        var keys = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var k = random.Next(8, 40); k > 0; k--)
        {
            var text = originals[random.Next(originals.Count)].ToList();
            var edits = random.Next(0, Math.Max(1, text.Count / 5));
            for (var e = 0; e < edits && text.Count > 2; e++)
            {
                var at = random.Next(text.Count);
                switch (random.Next(3))
                {
                    case 0: text[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                    case 1: text.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    default: text.RemoveAt(at); break;
                }
            }

            // Distinct texts: equal ones are paired through their groups, which this test leaves aside.
            var key = new string([.. text]);
            if (seen.Add(key))
            {
                keys.Add(key);
            }
        }

        return [.. keys];
    }
}
