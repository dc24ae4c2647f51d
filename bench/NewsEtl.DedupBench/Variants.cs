using System.Text;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.DedupBench;

/// <summary>The kinds of near-duplicate the benchmark makes of an original article.</summary>
internal enum VariantKind
{
    Edit1To5,
    Edit5To10,
    Edit10To20,
    Boilerplate,
    Truncated,
    Traditional,
    Punctuation,
    Combined,
}

/// <summary>Makes near-duplicate copies of an article the way reposts, converters and damaged saves do.</summary>
internal static class Variants
{
    public static readonly VariantKind[] All = Enum.GetValues<VariantKind>();

    public static string Label(VariantKind kind) => kind switch
    {
        VariantKind.Edit1To5 => "edits 1-5%",
        VariantKind.Edit5To10 => "edits 5-10%",
        VariantKind.Edit10To20 => "edits 10-20%",
        VariantKind.Boilerplate => "boilerplate re-ordered/added",
        VariantKind.Truncated => "truncated to 50-90%",
        VariantKind.Traditional => "traditional script",
        VariantKind.Punctuation => "punctuation folded",
        _ => "combined (trad.+boilerplate+3% edits+cut to 80%)",
    };

    public static string Make(Article original, VariantKind kind, Rng rng) => kind switch
    {
        VariantKind.Edit1To5 => Edit(original.Body, Rate(rng, 0.01, 0.05), rng),
        VariantKind.Edit5To10 => Edit(original.Body, Rate(rng, 0.05, 0.10), rng),
        VariantKind.Edit10To20 => Edit(original.Body, Rate(rng, 0.10, 0.20), rng),
        VariantKind.Boilerplate => Refurnish(original, rng),
        VariantKind.Truncated => Truncate(original.Body, Rate(rng, 0.5, 0.9)),
        VariantKind.Traditional => ChineseScript.ToTraditional(original.Body),
        VariantKind.Punctuation => string.Concat(original.Body.Select(PunctuationWidth.ToNarrow)),
        _ => Truncate(Edit(ChineseScript.ToTraditional(Refurnish(original, rng)), 0.03, rng), 0.8),
    };

    private static double Rate(Rng rng, double min, double max) => min + (rng.NextDouble() * (max - min));

    /// <summary>Each character is, with probability <paramref name="rate"/>, replaced, deleted or preceded by a random one.</summary>
    public static string Edit(string text, double rate, Rng rng)
    {
        var pool = PhraseBank.EditChars;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c == '\n' || !rng.Chance(rate))
            {
                sb.Append(c);
                continue;
            }

            switch (rng.Next(4))
            {
                case 0:
                    break;
                case 1:
                    sb.Append(pool[rng.Next(pool.Length)]).Append(c);
                    break;
                default:
                    sb.Append(pool[rng.Next(pool.Length)]);
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>The article's furniture lines dropped, and two to five furniture lines put back at other places.</summary>
    public static string Refurnish(Article original, Rng rng)
    {
        var paragraphs = original.Paragraphs.Where(p => !p.Furniture).Select(p => p.Text).ToList();
        for (var n = rng.Next(2, 6); n > 0; n--)
        {
            var line = ArticleGenerator.Furniture(rng);
            var at = rng.Next(3) switch
            {
                0 => 0,
                1 => paragraphs.Count,
                _ => rng.Next(paragraphs.Count + 1),
            };
            paragraphs.Insert(at, line);
        }

        return string.Join("\n\n", paragraphs);
    }

    /// <summary>The first <paramref name="fraction"/> of the text (a page saved before it finished loading).</summary>
    public static string Truncate(string text, double fraction) => text[..(int)(text.Length * fraction)];
}
