using NewsEtl.Model;

namespace NewsEtl.Extraction.Html;

/// <summary>
/// Sorts body blocks into paragraphs, images with captions, byline facts and the reprint notice;
/// template lines (<see cref="Boilerplate"/>) that survived the structural cleaning are dropped here.
/// </summary>
internal static class BodyAssembler
{
    public static BodyParts Assemble(IReadOnlyList<BodyBlock> blocks, double maxLinkDensity = 1.0)
    {
        var paragraphs = new List<string>();
        var images = new List<ArticleImage>();
        var byline = Byline.Empty;
        var reprint = false;
        var afterImage = false;

        foreach (var block in blocks)
        {
            if (block is ImageBlock image)
            {
                if (!images.Exists(i => i.Url == image.Url))
                {
                    images.Add(new ArticleImage(image.Url, image.Caption));
                }

                afterImage = true;
                continue;
            }

            var text = (TextBlock)block;
            var follows = afterImage;
            afterImage = false;
            if (follows && images[^1].Caption is null && (text.CaptionMarkup || CaptionRule.LooksLikeCaption(text.Text)))
            {
                images[^1] = images[^1] with { Caption = text.Text };
            }
            else if (CaptionRule.IsPhotoCredit(text.Text))
            {
                // A credit away from its image still is not body text; give it to the last uncaptioned image.
                var last = images.FindLastIndex(i => i.Caption is null);
                if (last >= 0)
                {
                    images[last] = images[last] with { Caption = text.Text };
                }
            }
            else if (Boilerplate.IsReprintNotice(text.Text))
            {
                reprint = true;
            }
            else if (Boilerplate.IsBoilerplateLine(text.Text))
            {
                continue;
            }
            else if (BylineParser.TryParse(text.Text, out var line))
            {
                byline = byline.Merge(line);
            }
            else if (text.LinkDensity <= maxLinkDensity)
            {
                paragraphs.Add(text.Text);
            }
        }

        return new BodyParts(paragraphs, images, byline, reprint);
    }
}
