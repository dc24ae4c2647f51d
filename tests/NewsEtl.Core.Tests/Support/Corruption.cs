using System.Text;
using NewsEtl.Text;

namespace NewsEtl.Core.Tests.Support;

/// <summary>
/// The corruption generator: applies each kind of damage the repair stage undoes to the clean corpus, the way
/// real tools cause it, so the repair can be measured (bench/) and tested. Deterministic for a given seed.
/// </summary>
public static class Corruption
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "gbk-out-of-step", "big5-out-of-step", "gbk-out-of-step-noted", "note-inside-character", "utf8-as-gbk", "utf8-as-latin1", "utf8-as-cp1252",
        "gbk-as-big5", "big5-as-gbk", "gbk-as-latin1", "big5-as-cp1252", "double-utf8", "html-remnant", "pinyin-note",
        "replacement-char",
    ];

    private static readonly IReadOnlyList<string> AllParagraphs = [.. CleanCorpus.Simplified, .. CleanCorpus.Traditional];

    /// <summary>The suffix of the control names of <see cref="CleanCorpus.LookAlikes"/>.</summary>
    public const string LookAlike = "/look-alike";

    /// <summary>
    /// Every clean paragraph, as typeset and with its punctuation folded, each inside a page of its own script; then
    /// the look-alikes of damage of that script.
    /// </summary>
    public static IEnumerable<ControlCase> Controls()
    {
        foreach (var (name, corpus) in Scripts())
        {
            var folded = corpus.Select(Damage.FoldPunctuation).ToList();
            for (var i = 0; i < corpus.Count; i++)
            {
                yield return new ControlCase(name, corpus[i], corpus);
                yield return new ControlCase(name + "/folded", folded[i], folded);
            }

            // Look-alikes of damage, each on a page of the corpus of its script, punctuation folded as they are written.
            var traditional = name.Contains("trad", StringComparison.Ordinal);
            foreach (var text in CleanCorpus.LookAlikes.Where(t => (NewsEtl.Text.ChineseScript.Detect([t]) == "zh-Hant") == traditional))
            {
                yield return new ControlCase(name + LookAlike, text, [.. folded, text]);
            }
        }
    }

    /// <summary>The damaged paragraphs of one kind; out-of-step kinds split every character once, the others damage each paragraph once or twice.</summary>
    public static IEnumerable<DamageCase> Cases(string kind, int seed = 1)
    {
        var random = new Random(seed);
        foreach (var (_, corpus) in Scripts())
        {
            for (var i = 0; i < corpus.Count; i++)
            {
                foreach (var c in Damaged(kind, corpus, i, random))
                {
                    yield return c;
                }
            }
        }
    }

    private static IEnumerable<(string Name, IReadOnlyList<string> Corpus)> Scripts()
    {
        yield return ("simplified", CleanCorpus.Simplified);
        yield return ("traditional", CleanCorpus.Traditional);
    }

    private static IEnumerable<DamageCase> Damaged(string kind, IReadOnlyList<string> corpus, int index, Random random)
    {
        var p = corpus[index];
        var traditional = ChineseScript.Detect([p]) == "zh-Hant";
        return kind switch
        {
            "gbk-out-of-step" => OutOfStep(kind, corpus, index, Damage.Gbk),
            "big5-out-of-step" when traditional => OutOfStep(kind, corpus, index, Damage.Big5),
            "gbk-out-of-step-noted" when traditional => NotedOutOfStep(kind, corpus, index),
            "note-inside-character" => NotesInside(corpus, index),
            "utf8-as-gbk" => Spans(kind, corpus, index, random, Encoding.UTF8, Damage.Gbk),
            "utf8-as-latin1" => Spans(kind, corpus, index, random, Encoding.UTF8, Encoding.Latin1),
            "utf8-as-cp1252" => Spans(kind, corpus, index, random, Encoding.UTF8, Damage.Windows1252),
            "gbk-as-big5" when !traditional => Spans(kind, corpus, index, random, Damage.Gbk, Damage.Big5),
            "big5-as-gbk" when traditional => Spans(kind, corpus, index, random, Damage.Big5, Damage.Gbk),
            "gbk-as-latin1" => Spans(kind, corpus, index, random, Damage.Gbk, Encoding.Latin1),
            "big5-as-cp1252" when traditional => Spans(kind, corpus, index, random, Damage.Big5, Damage.Windows1252),
            "double-utf8" => Spans(kind, corpus, index, random, Encoding.UTF8, null),
            "html-remnant" => [Case(kind, corpus, index, p, HtmlRemnant(p, index))],
            "pinyin-note" => PinyinNotes(corpus, index),
            "replacement-char" => [Case(kind, corpus, index, p, Replaced(p, random)) with { Repairable = false }],
            _ => [],
        };
    }

    /// <summary>The real history of the sample page: GBK bytes read in two chunks split inside a character, then ，：；？！（） folded to ASCII.</summary>
    private static IEnumerable<DamageCase> OutOfStep(string kind, IReadOnlyList<string> corpus, int index, Encoding encoding)
    {
        var p = corpus[index];
        if (!Damage.RoundTrips(p, encoding))
        {
            yield break;
        }

        var folded = corpus.Select(Damage.FoldPunctuation).ToList();
        foreach (var offset in Damage.MidCharacterOffsets(p, encoding))
        {
            var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(p, offset, encoding));
            yield return Case(kind, folded, index, folded[index], damaged);
        }
    }

    /// <summary>
    /// The sample page's full history: a simplified → traditional converter left a pinyin note after every second
    /// character it converted, then the GBK bytes were read in two chunks split inside a character, then ，：；？！（）
    /// were folded. The clean text is the folded paragraph without notes; the page carries notes in every paragraph.
    /// </summary>
    private static IEnumerable<DamageCase> NotedOutOfStep(string kind, IReadOnlyList<string> corpus, int index)
    {
        var p = corpus[index];
        var noted = corpus.Select(Noted).ToList();
        if (!Damage.RoundTrips(noted[index], Damage.Gbk))
        {
            yield break;
        }

        var page = noted.Select(Damage.FoldPunctuation).ToList();
        foreach (var offset in Damage.MidCharacterOffsets(noted[index], Damage.Gbk))
        {
            var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(noted[index], offset, Damage.Gbk));
            var onPage = page.ToList();
            onPage[index] = damaged;
            yield return new DamageCase(kind, Damage.FoldPunctuation(p), damaged, onPage);
        }
    }

    /// <summary>A converter's notes after every second character that differs from its simplified form (its first reading).</summary>
    private static string Noted(string text)
    {
        var sb = new StringBuilder(text.Length * 2);
        var converted = 0;
        foreach (var c in text)
        {
            sb.Append(c);
            if (HanChar.IsHan(c) && ChineseScript.ToSimplified(c) != c && PinyinReadings.Of(c) is { Count: > 0 } readings && converted++ % 2 == 0)
            {
                sb.Append('(').Append(readings[0]).Append(')');
            }
        }

        return sb.ToString();
    }

    /// <summary>A case of the generator (its index among <see cref="Cases"/> of the kind), and what the repair makes of it on its page.</summary>
    public static (DamageCase Case, NewsEtl.Repair.RepairResult Result) Repaired(string kind, int index)
    {
        var c = Cases(kind).ElementAt(index);
        return (c, new NewsEtl.Repair.TextRepairer().ForPage(c.Page).Repair(c.Damaged));
    }

    /// <summary>
    /// Out-of-step damage on a page that carries the paragraph twice, as a scraped page that repeats its article does,
    /// each copy split at its own place: the first copy split inside every character in turn, the second inside the
    /// character half the paragraph away. The case is the first copy; the page holds both.
    /// </summary>
    public static IEnumerable<DamageCase> CopiedOutOfStep(string kind)
    {
        foreach (var (_, corpus) in Scripts())
        {
            for (var index = 0; index < corpus.Count; index++)
            {
                var traditional = ChineseScript.Detect([corpus[index]]) == "zh-Hant";
                var noted = kind == "gbk-out-of-step-noted";
                var encoding = kind == "big5-out-of-step" ? Damage.Big5 : Damage.Gbk;
                var written = noted ? corpus.Select(Noted).ToList() : corpus;
                var p = written[index];
                if ((kind != "gbk-out-of-step" && !traditional) || !Damage.RoundTrips(p, encoding))
                {
                    continue;
                }

                var folded = written.Select(Damage.FoldPunctuation).ToList();
                var clean = Damage.FoldPunctuation(corpus[index]);
                var offsets = Damage.MidCharacterOffsets(p, encoding).ToList();
                for (var k = 0; k < offsets.Count; k++)
                {
                    var damaged = Damage.FoldPunctuation(Damage.ChunkSplit(p, offsets[k], encoding));
                    var other = Damage.FoldPunctuation(Damage.ChunkSplit(p, offsets[(k + (offsets.Count / 2)) % offsets.Count], encoding));
                    var page = folded.ToList();
                    page[index] = damaged;
                    page.Insert(index + 1, other);
                    yield return new DamageCase(kind + ", second copy", clean, damaged, page);
                }
            }
        }
    }

    /// <summary>A converter's note inside a character whose GBK trail byte is ASCII, so the trail survives as a letter.</summary>
    private static IEnumerable<DamageCase> NotesInside(IReadOnlyList<string> corpus, int index)
    {
        var p = corpus[index];
        var eligible = Enumerable.Range(0, p.Length).Where(i => HasAsciiTrail(p[i]) && PinyinReadings.Of(p[i]).Count > 0).ToList();
        foreach (var i in eligible.Where((_, k) => k % Math.Max(1, eligible.Count / 3) == 0).Take(3))
        {
            yield return Case("note-inside-character", corpus, index, p, Damage.NoteInsideCharacter(p, i, PinyinReadings.Of(p[i])[0]));
        }
    }

    private static bool HasAsciiTrail(char c)
    {
        var bytes = Damage.Gbk.GetBytes(c.ToString());
        return bytes.Length == 2 && bytes[1] is >= 0x40 and < 0x7F && HanChar.IsHan(c);
    }

    /// <summary>
    /// A stretch of the paragraph (two to sixteen characters), and the whole paragraph, written in one charset and read
    /// in another (<paramref name="readAs"/> null: double-encoded UTF-8). Only text the writing charset can hold.
    /// </summary>
    private static IEnumerable<DamageCase> Spans(string kind, IReadOnlyList<string> corpus, int index, Random random, Encoding writtenAs, Encoding? readAs)
    {
        var p = corpus[index];
        var length = random.Next(2, Math.Min(17, p.Length));
        var start = random.Next(0, p.Length - length + 1);
        string Misread(string s) => readAs is null ? Damage.DoubleUtf8(s) : Damage.Misread(s, writtenAs, readAs);
        if (Damage.RoundTrips(p, writtenAs))
        {
            yield return Case(kind, corpus, index, p, p[..start] + Misread(p.Substring(start, length)) + p[(start + length)..]);
            yield return Case(kind, corpus, index, p, Misread(p));
        }
    }

    /// <summary>Markup that leaked into the text; the clean form is the text without it.</summary>
    private static string HtmlRemnant(string p, int index)
    {
        var quote = p.IndexOf('“', StringComparison.Ordinal);
        var comma = p.IndexOf('，', StringComparison.Ordinal);
        return (index % 5) switch
        {
            0 => p + "</p>",
            1 => "<p>" + p + "</p>",
            2 when p.Length > 8 => p[..4] + "<strong>" + p[4..8] + "</strong>" + p[8..],
            3 when quote >= 0 => p[..quote] + "&amp;ldquo;" + p[(quote + 1)..],
            3 when comma >= 0 => p[..comma] + "&#65292;" + p[(comma + 1)..],
            _ => p + "<br/>",
        };
    }

    /// <summary>A converter's pinyin notes after up to three characters that have more than one reading.</summary>
    private static IEnumerable<DamageCase> PinyinNotes(IReadOnlyList<string> corpus, int index)
    {
        var p = corpus[index];
        var sb = new StringBuilder(p.Length + 24);
        var notes = 0;
        foreach (var c in p)
        {
            sb.Append(c);
            if (notes < 3 && HanChar.IsHan(c) && PinyinReadings.Of(c) is { Count: > 1 } readings)
            {
                sb.Append('(').Append(readings[0]).Append(')');
                notes++;
            }
        }

        if (notes > 0)
        {
            yield return Case("pinyin-note", corpus, index, p, sb.ToString());
        }
    }

    /// <summary>One Han character lost to a UTF-8 decoder's U+FFFD: nothing tells which it was.</summary>
    private static string Replaced(string p, Random random)
    {
        var han = Enumerable.Range(0, p.Length).Where(i => HanChar.IsHan(p[i])).ToList();
        var i = han[random.Next(han.Count)];
        return p[..i] + '\uFFFD' + p[(i + 1)..];
    }

    private static DamageCase Case(string kind, IReadOnlyList<string> corpus, int index, string clean, string damaged)
    {
        var page = corpus.ToList();
        page[index] = damaged;
        return new DamageCase(kind, clean, damaged, page);
    }
}
