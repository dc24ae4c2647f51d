namespace NewsEtl.Extraction.Html;

/// <summary>One block of an article body in reading order, before captions, bylines and boilerplate are sorted out.</summary>
internal abstract record BodyBlock;

/// <param name="Text">Whitespace-normalised, never empty.</param>
/// <param name="CaptionMarkup">The element is marked as a caption (class name), so it belongs to the image before it.</param>
/// <param name="LinkDensity">Share of the text that sits inside links.</param>
internal sealed record TextBlock(string Text, bool CaptionMarkup, double LinkDensity) : BodyBlock;

/// <param name="Caption">Set when the markup ties the caption to the image (figure/figcaption).</param>
internal sealed record ImageBlock(string Url, string? Caption) : BodyBlock;
