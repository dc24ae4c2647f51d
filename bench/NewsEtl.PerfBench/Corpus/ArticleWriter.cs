using System.Globalization;
using System.Text;

namespace NewsEtl.PerfBench.Corpus;

/// <summary>A generated news article: header fields and body paragraphs (sub-heads marked).</summary>
internal sealed record GeneratedArticle(
    string Title,
    string Lede,
    IReadOnlyList<string> Authors,
    string Editor,
    string Outlet,
    string Column,
    DateTime PublishedAt,
    IReadOnlyList<(string Text, bool IsSubhead)> Paragraphs);

/// <summary>
/// Writes plausible business-news articles from <see cref="TextMaterial"/>, deterministically from a seeded <see cref="Random"/>.
/// Each article has its own cast (companies, people, products) and its own subset of the phrase lists, so two
/// articles share little text and the cross-page duplicate finder sees distinct pages, as in a real archive.
/// </summary>
internal static class ArticleWriter
{
    public static GeneratedArticle Write(Random random, int bodyChars)
    {
        var cast = Cast.Draw(random);
        var company = cast.Companies[0];
        var title = company + Pick(random, TextMaterial.HeadlineVerbs) + (random.Next(3) == 0 ? "？" : string.Empty);
        var lede = Sentence(random, cast, company);
        var authors = Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Name(random)).Distinct(StringComparer.Ordinal).ToList();
        var paragraphs = new List<(string, bool)>();
        var total = 0;
        while (total < bodyChars)
        {
            if (paragraphs.Count > 3 && random.Next(9) == 0)
            {
                var subhead = Pick(random, TextMaterial.Subheads);
                paragraphs.Add((subhead, true));
                total += subhead.Length;
                continue;
            }

            var sb = new StringBuilder();
            var sentences = 2 + random.Next(5);
            for (var s = 0; s < sentences; s++)
            {
                sb.Append(random.Next(6) == 0 ? Quote(random, cast) : Sentence(random, cast, null));
            }

            paragraphs.Add((sb.ToString(), false));
            total += sb.Length;
        }

        var date = new DateTime(2019, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMinutes(random.Next(6 * 365 * 24 * 60));
        return new GeneratedArticle(title, lede, authors, Name(random), Pick(random, TextMaterial.Outlets), Pick(random, TextMaterial.Columns), date, paragraphs);
    }

    /// <summary>A headline for a list card or a related-article link.</summary>
    public static string Headline(Random random) => Cast.Company(random) + Pick(random, TextMaterial.HeadlineVerbs);

    public static string Name(Random random) =>
        Pick(random, TextMaterial.Surnames) + (random.Next(3) == 0 ? Pick(random, TextMaterial.GivenNames) : Cast.NameCore(random, 1 + random.Next(2)));

    private static string Sentence(Random random, Cast cast, string? subject)
    {
        var sb = new StringBuilder();
        if (random.Next(3) == 0)
        {
            sb.Append(Pick(random, TextMaterial.Connectors)).Append('，');
        }

        if (random.Next(2) == 0)
        {
            sb.Append(Pick(random, TextMaterial.Times)).Append('，');
        }

        sb.Append(subject ?? cast.Subject(random)).Append(Pick(random, cast.Predicates));
        switch (random.Next(4))
        {
            case 0:
                sb.Append('，').Append(Clause(random, cast));
                break;
            case 1:
                sb.Append('，').Append(Pick(random, cast.Products)).Append(Clause(random, cast));
                break;
        }

        return sb.Append('。').ToString();
    }

    private static string Quote(Random random, Cast cast) =>
        cast.Speaker(random) + Pick(random, TextMaterial.QuoteOpeners) + "：“" + Pick(random, cast.Quotes) + "。”";

    private static string Clause(Random random, Cast cast) => string.Format(
        CultureInfo.InvariantCulture,
        Pick(random, cast.Clauses),
        (random.Next(10, 600) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
        random.Next(2, 10),
        random.Next(12, 5000));

    private static string Pick(Random random, IReadOnlyList<string> items) => items[random.Next(items.Count)];

    /// <summary>Who and what one article is about, and the share of the phrase lists it uses.</summary>
    private sealed record Cast(
        IReadOnlyList<string> Companies,
        IReadOnlyList<string> People,
        IReadOnlyList<string> Products,
        IReadOnlyList<string> Predicates,
        IReadOnlyList<string> Clauses,
        IReadOnlyList<string> Quotes)
    {
        public static Cast Draw(Random random)
        {
            var companies = Enumerable.Range(0, 3 + random.Next(3)).Select(_ => Company(random)).ToList();
            return new Cast(
                companies,
                [.. Enumerable.Range(0, 2 + random.Next(3)).Select(_ => Name(random))],
                [.. Enumerable.Range(0, 2 + random.Next(3)).Select(_ => NameCore(random, 2) + Pick(random, TextMaterial.ProductSuffixes))],
                Subset(random, TextMaterial.Predicates, 6),
                Subset(random, TextMaterial.Clauses, 5),
                Subset(random, TextMaterial.Quotes, 3));
        }

        public static string Company(Random random) =>
            Pick(random, TextMaterial.Places) + NameCore(random, 2) + Pick(random, TextMaterial.CompanySuffixes);

        public static string NameCore(Random random, int length) =>
            string.Concat(Enumerable.Range(0, length).Select(_ => TextMaterial.NameChars[random.Next(TextMaterial.NameChars.Length)]));

        public string Subject(Random random) => random.Next(10) switch
        {
            < 5 => Pick(random, Companies),
            < 7 => Pick(random, TextMaterial.Subjects),
            < 9 => Pick(random, Companies) + "董事长" + Pick(random, People),
            _ => Pick(random, Companies) + "的" + Pick(random, Products),
        };

        public string Speaker(Random random) => random.Next(2) == 0 ? Pick(random, Companies) + "相关负责人" + Pick(random, People) : Pick(random, TextMaterial.Subjects);

        private static List<string> Subset(Random random, string[] items, int count) =>
            [.. items.OrderBy(_ => random.Next()).Take(count)];
    }
}
