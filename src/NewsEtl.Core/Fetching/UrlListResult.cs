using NewsEtl.Model;

namespace NewsEtl.Fetching;

/// <summary>The URLs a list named, in order and without duplicates, and the lines that named none.</summary>
public sealed record UrlListResult(IReadOnlyList<Uri> Urls, IReadOnlyList<Rejection> Rejections);
