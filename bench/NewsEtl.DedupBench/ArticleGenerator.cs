using System.Globalization;
using System.Text;

namespace NewsEtl.DedupBench;

/// <summary>A generated page body: paragraphs, some of them page furniture (by-lines, copyright lines).</summary>
internal sealed record Article(IReadOnlyList<Paragraph> Paragraphs)
{
    public string Body => string.Join("\n\n", Paragraphs.Select(p => p.Text));
}

internal sealed record Paragraph(string Text, bool Furniture);

/// <summary>A fictional company: everything about it is fixed by its number.</summary>
internal sealed record Company(int Number, string Name, string FullName, Industry Industry, IReadOnlyDictionary<string, string> Facts);

/// <summary>
/// Composes distinct articles that share a topic (one company, one kind of event): same names, the same background
/// paragraph, overlapping template sentences with different figures, so that negative pairs are hard.
/// </summary>
internal static class ArticleGenerator
{
    public static int CompanyCount => PhraseBank.NamePrefixes.Length * PhraseBank.Industries.Length;

    public static int TopicCount => CompanyCount * PhraseBank.Events.Length;

    public static Company Company(int number)
    {
        var prefix = PhraseBank.NamePrefixes[number % PhraseBank.NamePrefixes.Length];
        var industry = PhraseBank.Industries[number / PhraseBank.NamePrefixes.Length % PhraseBank.Industries.Length];
        var rng = Rng.For(17, number);
        var name = prefix + industry.Suffix;
        var founded = rng.Next(1992, 2016);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["FY"] = Num(founded),
            ["FY2"] = Num(founded + rng.Next(3, 9)),
            ["HQ"] = rng.Pick(PhraseBank.Cities),
            ["SITE"] = rng.Pick(PhraseBank.Cities),
            ["EX"] = rng.Pick(["上交所科创板", "深交所创业板", "港交所", "上交所主板", "纳斯达克"]),
            ["CAP"] = Num(rng.Next(30, 3000)),
            ["FOUNDER"] = Person(rng),
            ["STAFF"] = Num(rng.Next(8, 400) * 100),
            ["IND2"] = industry.Name,
        };
        return new Company(number, name, name + "股份有限公司", industry, facts);
    }

    /// <summary>An original article about <paramref name="topic"/>; <paramref name="seed"/> tells articles of a topic apart.</summary>
    public static Article Compose(int topic, int seed)
    {
        var company = Company(topic / PhraseBank.Events.Length);
        var ev = topic % PhraseBank.Events.Length;
        var rng = Rng.For(29, topic, seed);
        var slots = new Slots(company, rng, topic);
        var paragraphs = new List<Paragraph>();
        if (rng.Chance(0.5))
        {
            paragraphs.Add(new Paragraph(slots.Fill(rng.Pick(PhraseBank.Boilerplate[..3])), true));
        }

        var events = PhraseBank.EventSentences[ev].Skip(1).ToList();
        var general = PhraseBank.General.ToList();
        rng.Shuffle(events);
        rng.Shuffle(general);
        var (e, g) = (0, 0);
        var count = rng.Next(8, 19);
        var background = rng.Chance(0.5) ? rng.Next(2, 5) : -1;
        for (var p = 0; p < count; p++)
        {
            if (p == background)
            {
                paragraphs.Add(new Paragraph(string.Concat(PhraseBank.Background.Select(slots.Fill)), false));
                continue;
            }

            var sb = new StringBuilder();
            if (p == 0)
            {
                sb.Append(slots.Fill(PhraseBank.EventSentences[ev][0]));
            }

            for (var s = rng.Next(2, 5); s > 0; s--)
            {
                // A fifth of the sentences are the event's templates, a tenth general ones, a fifth built from the common
                // word lists and the rest mostly from the topic's and the article's own words.
                var roll = rng.NextDouble();
                var template = roll < 0.2 && e < events.Count ? events[e++]
                    : roll < 0.3 && g < general.Count ? general[g++]
                    : roll < 0.5 ? rng.Pick(PhraseBank.Clauses)
                    : rng.Pick(PhraseBank.Details);
                sb.Append(slots.Fill(template));
            }

            paragraphs.Add(new Paragraph(sb.ToString(), false));
        }

        if (rng.Chance(0.5))
        {
            paragraphs.Add(new Paragraph(slots.Fill(rng.Pick(PhraseBank.Boilerplate[3..])), true));
        }

        return new Article(paragraphs);
    }

    /// <summary>A page furniture line with names filled in.</summary>
    public static string Furniture(Rng rng) => new Slots(Company(rng.Next(CompanyCount)), rng).Fill(rng.Pick(PhraseBank.Boilerplate));

    public static string Person(Rng rng)
    {
        var given = PhraseBank.GivenNameChars;
        var name = rng.Pick(PhraseBank.Surnames) + given[rng.Next(given.Length)];
        return rng.Chance(0.6) ? name + given[rng.Next(given.Length)] : name;
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Slot values: names and the article's setting fixed per article, figures drawn anew at each use.</summary>
    private sealed class Slots
    {
        private readonly Rng _rng;
        private readonly Dictionary<string, string> _fixed;
        private readonly string[] _topicTerms;
        private readonly string[] _articleTerms;

        public Slots(Company company, Rng rng, int topic = -1)
        {
            _rng = rng;
            _topicTerms = Terms(Rng.For(31, topic), 40);
            _articleTerms = Terms(rng, 80);
            var industry = company.Industry;
            var prefix = company.Name[..^industry.Suffix.Length];
            var rival = ArticleGenerator.Company(((rng.Next(PhraseBank.NamePrefixes.Length - 1) + 1 + company.Number) % PhraseBank.NamePrefixes.Length)
                + (company.Number / PhraseBank.NamePrefixes.Length * PhraseBank.NamePrefixes.Length));
            var (city, city2) = (rng.Pick(PhraseBank.Cities), rng.Pick(PhraseBank.Cities));
            var month = rng.Next(1, 13);
            _fixed = new Dictionary<string, string>(company.Facts, StringComparer.Ordinal)
            {
                ["C"] = company.Name,
                ["F"] = company.FullName,
                ["C2"] = rival.Name,
                ["IND"] = industry.Suffix,
                ["P"] = Person(rng),
                ["P2"] = Person(rng),
                ["P3"] = Person(rng),
                ["ROLE"] = rng.Pick(PhraseBank.Roles),
                ["CITY"] = city,
                ["CITY2"] = city2 == city ? "海外" : city2,
                ["Y"] = Num(rng.Next(2019, 2026)),
                ["Q"] = rng.Pick(PhraseBank.Periods),
                ["D"] = $"{month}月{rng.Next(1, 29)}日",
                ["MO"] = Num(month),
                ["PR"] = prefix + rng.Pick(industry.ProductSuffixes),
                ["BIZ"] = rng.Pick(industry.Businesses),
                ["REG"] = rng.Pick(PhraseBank.Regulators),
                ["BROKER"] = rng.Pick(PhraseBank.Brokers),
                ["RATING"] = rng.Pick(PhraseBank.Ratings),
                ["KPI"] = industry.Kpi,
                ["UNIT"] = industry.Unit,
                ["UNITNOUN"] = industry.UnitNoun[..1],
            };
        }

        /// <summary>
        /// Made-up words from common characters: a topic's own names of projects, places and things, and an
        /// article's, so that topics share vocabulary inside and little outside, as real news does.
        /// </summary>
        private static string[] Terms(Rng rng, int count)
        {
            var pool = PhraseBank.EditChars;
            return Enumerable.Range(0, count)
                .Select(_ => string.Concat(Enumerable.Range(0, rng.Next(2, 4)).Select(_ => pool[rng.Next(pool.Length)])))
                .ToArray();
        }

        public string Fill(string template)
        {
            var sb = new StringBuilder(template.Length * 2);
            var i = 0;
            while (i < template.Length)
            {
                var open = template.IndexOf('{', i);
                if (open < 0)
                {
                    sb.Append(template, i, template.Length - i);
                    break;
                }

                var close = template.IndexOf('}', open);
                sb.Append(template, i, open - i).Append(Value(template[(open + 1)..close]));
                i = close + 1;
            }

            return sb.ToString();
        }

        private string Value(string slot) => slot switch
        {
            "B" => (_rng.Next(100, 99999) / 100.0).ToString("0.##", CultureInfo.InvariantCulture),
            "R" => (_rng.Next(1, 689) / 10.0).ToString("0.#", CultureInfo.InvariantCulture) + "%",
            "RR" => Num(_rng.Next(2, 10)),
            "M" or "M2" => Num(_rng.Next(100, 99999)),
            "UD" => _rng.Chance(0.5) ? "增长" : "下降",
            "HL" => _rng.Chance(0.5) ? "高于" : "低于",
            "DAY" => Num(_rng.Next(1, 29)),
            "TIME" => Fill(_rng.Pick(PhraseBank.Times)),
            "SUBJ" => Fill(_rng.Pick(PhraseBank.Subjects)),
            "ADV" => _rng.Pick(PhraseBank.Adverbs),
            "VERB" => _rng.Pick(PhraseBank.Verbs),
            "OBJ" => _rng.Next(3) switch
            {
                0 => Fill(_rng.Pick(PhraseBank.Modifiers)) + _rng.Pick(PhraseBank.Nouns),
                1 => _rng.Pick(_topicTerms) + _rng.Pick(PhraseBank.Nouns),
                _ => _rng.Pick(_articleTerms) + _rng.Pick(_articleTerms),
            },
            "T" => _rng.Pick(_topicTerms),
            "A" => _rng.Pick(_articleTerms),
            "MOD" => Fill(_rng.Pick(PhraseBank.Modifiers)),
            "NOUN" => _rng.Pick(PhraseBank.Nouns),
            "CONSEQ" => Fill(_rng.Pick(PhraseBank.Consequences)),
            "CONTEXT" => _rng.Pick(PhraseBank.Contexts),
            "PASSIVE" => _rng.Pick(PhraseBank.Passives),
            "DEGREE" => _rng.Pick(PhraseBank.Degrees),
            "SAY" => _rng.Pick(PhraseBank.Says),
            _ => _fixed[slot],
        };
    }
}
