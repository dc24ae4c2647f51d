using System.Text;
using NewsEtl.Core.Tests.Support;

namespace NewsEtl.Core.Tests.Output.Report;

/// <summary>
/// An input folder for a run with many records: copies of the sample page with small text changes, the HTML
/// fixtures (one published on several days, one with markup in its title), and pages that are not articles.
/// </summary>
public static class FixtureInput
{
    public const int SampleCopies = 12;
    public const int StaffDays = 5;
    public const string MarkupTitle = "<script>document.title='pwned'</script>充电桩";

    public static void Write(string folder)
    {
        var root = RepoPaths.Root();
        var fixtures = Path.Combine(root, "tests", "NewsEtl.Core.Tests", "Extraction", "Fixtures");
        var sample = File.ReadAllText(Path.Combine(root, "input", "000_4a82a27c2d5c363e.txt"), Encoding.UTF8);
        for (var i = 1; i <= SampleCopies; i++)
        {
            var copy = sample.Replace("反思嗎", $"反思嗎（{i}）", StringComparison.Ordinal).Replace("上線僅21天", $"上線僅{20 + i}天", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, $"sample-{i:00}.txt"), copy, Encoding.UTF8);
        }

        var staff = File.ReadAllText(Path.Combine(fixtures, "jiemian-2021-staff.html"), Encoding.UTF8);
        for (var day = 0; day < StaffDays; day++)
        {
            var copy = staff.Replace("data-article-publish-time=\"1628743500\"", $"data-article-publish-time=\"{1628743500 + (day * 86400)}\"", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, $"staff-day{day}.html"), copy, Encoding.UTF8);
        }

        // The title arrives as text (entities decoded by the extractor) and must come out of the report as text again.
        var markup = staff.Replace("<h1>县城充电桩生意：运营商扎堆下沉市场</h1>", "<h1>" + System.Net.WebUtility.HtmlEncode(MarkupTitle) + "</h1>", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "staff-markup.html"), markup, Encoding.UTF8);

        foreach (var name in new[] { "jiemian-2021-reprint.html", "jiemian-2021-truncated.html", "jiemian-2021-no-body.html", "generic-news.html", "jiemian-404.html", "jiemian-tag.html" })
        {
            File.Copy(Path.Combine(fixtures, name), Path.Combine(folder, name));
        }

        File.WriteAllText(Path.Combine(folder, "notes.html"), "<html><head><title>notes</title></head><body><p>todo</p></body></html>", Encoding.UTF8);
        File.WriteAllText(Path.Combine(folder, "empty.html"), string.Empty);
    }
}
