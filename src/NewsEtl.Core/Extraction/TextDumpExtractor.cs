using NewsEtl.Extraction.Html;
using NewsEtl.Model;
using NewsEtl.Text;

namespace NewsEtl.Extraction;

/// <summary>
/// Extracts an article from a text dump of a Jiemian page (one block per line, as a scraper saved it):
/// template lines out, bylines and the reprint notice into fields, title and lede from the article header.
/// Repeated copies of the article stay for the dedup stage, which aligns them.
/// </summary>
public sealed class TextDumpExtractor : IArticleExtractor
{
    /// <summary>The extractor name records from text dumps carry.</summary>
    public const string Name = "jiemian-text";

    private const int MinimumHanCharacters = 40;

    public ExtractionResult Extract(DecodedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Bytes that were never text (a binary file named .txt) would only feed the repair stage noise.
        if (!string.IsNullOrWhiteSpace(page.Text) && Html.TextGuard.Check(page.Text) is { } reason)
        {
            return ExtractionResult.Reject(reason);
        }

        var lines = page.Text.Split('\n')
            .Select(l => l.Trim().Trim('\u3000', '\uFEFF'))
            .Where(l => l.Length > 0)
            .ToList();
        if (lines.Count == 0)
        {
            return ExtractionResult.Reject("empty text");
        }

        string? stickyTitle = null;
        var isReprint = false;
        var authors = new List<string>();
        string? outlet = null, editor = null;
        var content = new List<(string Text, bool BeforeByline)>();
        var sawByline = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (Boilerplate.KeyStartsWith(line, "正在阅读:"))
            {
                // The sticky header names the article: on the same line, or alone on the next one.
                var rest = line[(line.IndexOfAny([':', '：']) + 1)..].Trim();
                if (rest.Length == 0 && i + 1 < lines.Count)
                {
                    rest = lines[++i];
                }

                stickyTitle ??= rest.Length > 0 ? rest : null;
                continue;
            }

            if (Boilerplate.IsReprintNotice(line))
            {
                isReprint = true;
                continue;
            }

            if (Boilerplate.IsBoilerplateLine(line))
            {
                continue;
            }

            // A converter's notes ("新消費(fèi)日報") are still in the text: the repair comes later.
            if (BylineParser.TryParse(WithoutNotesIfShort(line), out var byline) && !byline.IsEmpty)
            {
                sawByline = true;
                AddDistinct(authors, byline.Authors);
                outlet ??= byline.Outlet;
                editor ??= byline.Editor;
                continue;
            }

            content.Add((line, !sawByline));
        }

        var title = stickyTitle ?? content.FirstOrDefault().Text;
        if (title is null)
        {
            return ExtractionResult.Reject("no article body: only template text");
        }

        // The article header: the first line that repeats the title, and the lede between it and the byline.
        var titleKey = Boilerplate.MatchKey(PinyinReadings.WithoutNotes(title));
        var titleIndex = content.FindIndex(c => Boilerplate.KeyEquals(PinyinReadings.WithoutNotes(c.Text), titleKey));
        string? lede = null;
        var bodyStart = 0;
        if (titleIndex >= 0)
        {
            bodyStart = titleIndex + 1;
            var headerLines = content.Skip(bodyStart).TakeWhile(c => c.BeforeByline).Count();
            if (sawByline && headerLines == 1)
            {
                lede = content[bodyStart].Text;
                bodyStart++;
            }
        }

        var paragraphs = content.Skip(bodyStart).Select(c => c.Text).ToList();
        if (!HasHan(paragraphs, MinimumHanCharacters))
        {
            return ExtractionResult.Reject("no article body: too little text");
        }

        return ExtractionResult.Ok(new ExtractedArticle
        {
            Title = title,
            Subtitle = lede,
            Authors = authors,
            Outlet = outlet,
            Editor = editor,
            Url = page.Input.Url,
            Paragraphs = paragraphs,
            IsReprint = isReprint,
            Extractor = Name,
        });
    }

    // Only a line that could be short enough for a byline once its notes (at most eight characters each) are out is
    // copied without them: a body paragraph never is, and most lines with notes are body paragraphs.
    private static string WithoutNotesIfShort(string line) =>
        line.Length - (8 * (line.AsSpan().Count('(') + line.AsSpan().Count('（'))) <= BylineParser.MaxLineLength ? PinyinReadings.WithoutNotes(line) : line;

    private static void AddDistinct(List<string> target, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            if (!target.Contains(name, StringComparer.Ordinal))
            {
                target.Add(name);
            }
        }
    }

    /// <summary>Whether the texts hold at least <paramref name="minimum"/> Han characters (counting stops there).</summary>
    private static bool HasHan(List<string> texts, int minimum)
    {
        var count = 0;
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                if (HanChar.IsHan(c) && ++count >= minimum)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
