using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Extraction.Html;
using NewsEtl.Model;
using NewsEtl.Repair;
using NewsEtl.Text;

namespace NewsEtl.Pipeline;

/// <summary>Runs one decoded page through extract, repair and in-page dedup, and builds its record.</summary>
public sealed class ArticleProcessor(IArticleExtractor extractor, TextRepairer repairer, InPageDeduplicator deduplicator)
{
    private const double LowConfidence = 0.5;

    // Bounds on hostile text. The repair engine's cost is linear in the text (well under a millisecond per U+FFFD, and
    // it analyses at most RepairOptions.MaxMarksPerText lost-byte marks per text), but a paragraph of thousands of
    // replacement characters is a binary file read as text, not damage a repair can undo; and an input stops being
    // repaired once its repairs have taken RepairBudget. Text left unrepaired keeps its U+FFFD, so the record is flagged unrepaired-span.
    private const int MaxReplacementCharsToRepair = 4096;
    private static readonly TimeSpan RepairBudget = TimeSpan.FromSeconds(5);

    public PageOutcome Process(DecodedPage page, long loadTicks)
    {
        var clock = Stopwatch.StartNew();
        var extraction = extractor.Extract(page);
        var extractTicks = clock.ElapsedTicks;
        if (extraction.Article is not { } article)
        {
            return PageOutcome.Rejected(
                new Rejection(page.Source, "extract", extraction.RejectReason ?? "no article", IsFailure: false),
                page.Charset,
                new StageTimings(loadTicks, extractTicks, 0, 0));
        }

        var id = RecordIds.ForSource(page.Source);
        var repairs = new List<RepairEntry>();
        var flags = new SortedSet<string>(article.Flags, StringComparer.Ordinal);

        clock.Restart();
        var pageRepairer = repairer.ForPage(article.Paragraphs.Prepend(article.Subtitle ?? string.Empty).Prepend(article.Title));
        var title = RepairField(Repair(article.Title), "title", 0);
        (string Text, int Damage)? subtitle = article.Subtitle is null ? null : RepairField(Repair(article.Subtitle), "subtitle", 0);
        var drafts = new List<ParagraphDraft>(article.Paragraphs.Count);
        for (var i = 0; i < article.Paragraphs.Count; i++)
        {
            var result = Repair(article.Paragraphs[i]);
            AddRepairs(result, "body", i);
            drafts.Add(new ParagraphDraft(Collapse(result.Text), Damage(result), Guessed(result)));
        }

        var images = article.Images;
        var isReprint = article.IsReprint;
        if (article.Extractor == TextDumpExtractor.Name)
        {
            DropTemplateLines();
        }
        else
        {
            images = MoveHiddenCredits();
        }

        var repairTicks = clock.ElapsedTicks;

        clock.Restart();
        var dedup = deduplicator.Deduplicate(drafts, title.Text, subtitle?.Text);
        foreach (var edit in dedup.Edits)
        {
            repairs.Add(new RepairEntry(id, page.Source, "dedup", edit.Kind, "body", edit.Paragraph, 0, edit.Before, edit.After, edit.Confidence));
        }

        var dedupTicks = clock.ElapsedTicks;

        var paragraphs = dedup.Paragraphs.Select(p => p.Text).Where(p => p.Length > 0).ToList();
        if (title.Damage + (subtitle?.Damage ?? 0) + dedup.Paragraphs.Sum(p => p.Damage) > 0)
        {
            flags.Add("unrepaired-span");
        }

        if (repairs.Any(r => r.Confidence < LowConfidence))
        {
            flags.Add("low-confidence-repair");
        }

        var body = string.Join("\n\n", paragraphs);
        var normalized = TextFingerprint.Normalize(body);
        var record = new ArticleRecord
        {
            Id = id,
            Source = page.Source,
            Url = article.Url ?? page.Input.Url ?? string.Empty,
            Site = Site(article, page),
            Title = title.Text,
            Subtitle = subtitle?.Text ?? string.Empty,
            Author = string.Join("、", article.Authors),
            Outlet = article.Outlet ?? string.Empty,
            Editor = article.Editor ?? string.Empty,
            PublishedAt = article.PublishedAt?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? string.Empty,
            Column = article.Column ?? string.Empty,
            Tags = string.Join(";", article.Tags),
            Body = body,
            Paragraphs = paragraphs,
            ParagraphCount = paragraphs.Count,
            CharCount = RuneCount(paragraphs),
            IsReprint = isReprint,
            Script = ChineseScript.Detect(paragraphs.Prepend(title.Text)),
            ContentHash = Hashing.Sha256Hex(normalized),
            RawSha256 = page.Input.Sha256,
            RepairCount = repairs.Count,
            Flags = string.Join(";", flags),
            Extractor = article.Extractor,
            Charset = page.Charset.Charset,
            LeadImage = article.LeadImage?.Url ?? string.Empty,
            LeadImageCaption = article.LeadImage?.Caption ?? string.Empty,
            ImageUrls = string.Join(' ', images.Select(i => i.Url)),
            Images = images,
        };

        return new PageOutcome(page.Source, record, repairs, null, page.Charset, new StageTimings(loadTicks, extractTicks, repairTicks, dedupTicks))
        {
            NormalizedBody = normalized,
        };

        RepairResult Repair(string text) =>
            clock.Elapsed > RepairBudget || text.AsSpan().Count('\uFFFD') > MaxReplacementCharsToRepair
                ? RepairResult.Unchanged(text)
                : pageRepairer.Repair(text);

        (string Text, int Damage) RepairField(RepairResult result, string field, int paragraph)
        {
            AddRepairs(result, field, paragraph);
            return (Collapse(result.Text), Damage(result));
        }

        // A text dump's template line, reprint notice or byline that damage hid from the extractor ("下?d界面新聞",
        // "本文爲轉載?热?授權事宜") reads as one once repaired (a template line but for a character or two the repair got
        // wrong or left, too: "暫?o評論哦,快來評價一下吧!", "編輯 | 高?V"), and a template line or a byline's role cut
        // short by lost bytes ("微??", "編??| 趙倩") or read out of step whole ("?⒉?", 微博) was one: it goes then,
        // recorded, and a reprint notice marks the record a reprint as the extractor would have. Its slot stays, empty,
        // so the indices of the repairs and the dedup edits hold.
        void DropTemplateLines()
        {
            for (var i = 0; i < drafts.Count; i++)
            {
                // Only text that damage touched: the repair changed it, or left damage or a lost byte's mark in it.
                var text = drafts[i].Text;
                if (text.Length == 0 || (drafts[i].Damage == 0 && text.AsSpan().IndexOfAny('?', '\uFFFD') < 0
                    && string.Equals(text, article.Paragraphs[i], StringComparison.Ordinal)))
                {
                    continue;
                }

                var notice = Boilerplate.IsNearReprintNotice(text);
                isReprint |= notice;
                if (notice || Boilerplate.IsNearBoilerplateLine(text) || Boilerplate.IsCutShortBoilerplateLine(article.Paragraphs[i])
                    || Boilerplate.IsOutOfStepBoilerplateLine(article.Paragraphs[i])
                    || BylineParser.IsBylineButForDamage(text) || BylineParser.IsBylineWithRoleCutShort(article.Paragraphs[i]))
                {
                    repairs.Add(new RepairEntry(id, page.Source, "dedup", "template-line", "body", i, 0, drafts[i].Text, string.Empty, 1.0));
                    drafts[i] = new ParagraphDraft(string.Empty, 0);
                }
            }
        }

        // A photo credit that damage hid from the extractor ("?D片來源:視覺中國", 圖's lead byte lost) reads as one once
        // repaired: it leaves the body, recorded, for the caption of the first image left without one (the credit's own,
        // as the damage kept the extractor from giving it). Its slot stays, empty, as a template line's does.
        IReadOnlyList<ArticleImage> MoveHiddenCredits()
        {
            List<ArticleImage>? captioned = null;
            for (var i = 0; i < drafts.Count; i++)
            {
                var text = drafts[i].Text;
                if (text.Length == 0 || string.Equals(text, article.Paragraphs[i], StringComparison.Ordinal)
                    || !CaptionRule.IsPhotoCredit(text) || CaptionRule.IsPhotoCredit(article.Paragraphs[i]))
                {
                    continue;
                }

                repairs.Add(new RepairEntry(id, page.Source, "dedup", "photo-credit", "body", i, 0, text, string.Empty, 1.0));
                drafts[i] = new ParagraphDraft(string.Empty, 0);
                captioned ??= [.. article.Images];
                var uncaptioned = captioned.FindIndex(image => image.Caption is null);
                if (uncaptioned >= 0)
                {
                    captioned[uncaptioned] = captioned[uncaptioned] with { Caption = text };
                }
            }

            return captioned ?? article.Images;
        }

        void AddRepairs(RepairResult result, string field, int paragraph)
        {
            foreach (var edit in result.Edits)
            {
                repairs.Add(new RepairEntry(id, page.Source, "repair", edit.Kind, field, paragraph, edit.Offset, edit.Before, edit.After, edit.Confidence));
            }
        }
    }

    private static int Damage(RepairResult result) =>
        result.Suspects.Count + result.Text.AsSpan().Count('\uFFFD');

    // The changes that chose among readings; taking out a pinyin note, leaked markup or folded punctuation does not.
    private static int Guessed(RepairResult result) =>
        result.Edits.Count(e => e.Kind is not ("pinyin-note" or "html-remnant" or "full-width-punctuation"));

    /// <summary>Characters as a reader counts them: a surrogate pair is one, as <see cref="string.EnumerateRunes"/> counts it.</summary>
    private static int RuneCount(List<string> paragraphs)
    {
        var count = 0;
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
            {
                count += paragraph.Length;
                continue;
            }

            foreach (var rune in paragraph.EnumerateRunes())
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Runs of white space inside a paragraph become one space; ends are trimmed.</summary>
    private static string Collapse(string text)
    {
        if (IsCollapsed(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c) && c != '\u3000')
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>True when <see cref="Collapse"/> would return the text as it is: no white space at the ends, and inside only single spaces and U+3000.</summary>
    private static bool IsCollapsed(string text)
    {
        if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c <= ' ' ? c != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ' : c >= '\u0085' && char.IsWhiteSpace(c) && c != '\u3000')
            {
                return false;
            }
        }

        return true;
    }

    private static string Site(ExtractedArticle article, DecodedPage page)
    {
        var url = article.Url ?? page.Input.Url;
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var host = uri.Host;
            return host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || host.StartsWith("m.", StringComparison.OrdinalIgnoreCase)
                ? host[(host.IndexOf('.', StringComparison.Ordinal) + 1)..]
                : host;
        }

        return article.Extractor.StartsWith("jiemian", StringComparison.Ordinal) ? "jiemian.com" : string.Empty;
    }
}
