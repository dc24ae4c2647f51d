using NewsEtl.Core.Tests.Extraction;
using NewsEtl.Core.Tests.Reliability;
using NewsEtl.Core.Tests.Support;
using NewsEtl.Dedup;
using NewsEtl.Extraction;
using NewsEtl.Model;
using NewsEtl.Pipeline;
using NewsEtl.Repair;

namespace NewsEtl.Core.Tests.Pipeline;

/// <summary>
/// A photo credit whose first character damage garbled ("?D片來源", 圖's lead byte lost) is no credit to the extractor;
/// once repaired it reads as one, and it leaves the body for the caption of its image.
/// </summary>
public sealed class HiddenCreditTests
{
    private const string Image = "<p style=\"text-align:center;\"><img src=\"//img1.jiemian.com/101/original/20190507/1.jpg\" alt=\"\"/></p>";

    [Fact]
    public void Process_CreditGarbledUnderAnImage_LeavesTheBodyForTheImagesCaption()
    {
        var damaged = Damage.ChunkSplit("圖片來源：視覺中國", 1);
        Assert.StartsWith("?D片", damaged, StringComparison.Ordinal);

        var outcome = Process(Image + "<p style=\"text-align:center;\"><span>" + damaged + "</span></p>");

        var record = outcome.Record!;
        Assert.DoesNotContain(record.Paragraphs, p => p.Contains("片來源", StringComparison.Ordinal));
        Assert.Equal("圖片來源：視覺中國", Assert.Single(record.Images).Caption);
        var removal = Assert.Single(outcome.Repairs, r => r.Kind == "photo-credit");
        Assert.Equal("圖片來源：視覺中國", removal.Before);
        Assert.Equal(string.Empty, removal.After);
    }

    [Fact]
    public void Process_BodyParagraphThatMentionsAPhoto_StaysInTheBody()
    {
        // Repaired, this paragraph names a credit in passing but is no credit: it is longer than a caption.
        var text = "記者從現場看到，展覽的說明牌上寫著圖片來源：視覺中國，但館方表示這批照片其實是由一位退休攝影師捐贈的，館內還有更多作品，下個月起將分批展出，並在網站上公開每一張照片的拍攝時間和地點。";
        Assert.True(text.Length > 80);
        var damaged = Damage.ChunkSplit(text, 1);

        var record = Process("<p>" + damaged + "</p>").Record!;

        Assert.Contains(record.Paragraphs, p => p.Contains("館方表示", StringComparison.Ordinal));
        Assert.Empty(record.Images);
    }

    private static PageOutcome Process(string extra)
    {
        var prose = string.Concat(CleanCorpus.Traditional.Take(6).Select(p => "<p>" + p + "</p>"));
        var html = BadInputCorpus.Page(prose + extra + prose.Replace("<p>", "<p>另外，", StringComparison.Ordinal), title: "圖片測試");
        var processor = new ArticleProcessor(
            new ArticleExtractor(new HtmlArticleExtractor(), new TextDumpExtractor()), new TextRepairer(), new InPageDeduplicator(new InPageDedupOptions()));
        return processor.Process(HtmlTestPages.FromHtml(html), 0);
    }
}
