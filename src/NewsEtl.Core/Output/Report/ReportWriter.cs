using System.Text;

namespace NewsEtl.Output.Report;

/// <summary>
/// Writes report.html into a run's output folder from the files the run wrote there (articles.jsonl, repairs.jsonl,
/// rejected.csv, run.json): one self-contained page, streamed (articles, repairs, then the shown articles' text again) so memory holds summaries, not a run's texts.
/// </summary>
public sealed class ReportWriter
{
    public const string FileName = "report.html";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads the output folder and replaces its report.html atomically; the same files give the same bytes.</summary>
    public async Task WriteAsync(string outputFolder, ReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputFolder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var warnings = new List<string>();
        var run = await RunFile.ReadAsync(Path.Combine(outputFolder, OutputSet.RunJson), warnings, cancellationToken);
        var articles = await ArticleScan.ReadAsync(Path.Combine(outputFolder, OutputSet.ArticlesJsonl), cancellationToken);
        var shown = articles.Shown(options.MaxRecords);
        var repairs = await RepairScan.ReadAsync(
            Path.Combine(outputFolder, OutputSet.RepairsJsonl), shown.Select(r => r.Id), options.MaxRepairsPerRecord, warnings, cancellationToken);
        await ArticleScan.AddContextAsync(Path.Combine(outputFolder, OutputSet.ArticlesJsonl), repairs.Buckets, cancellationToken);
        var rejections = await RejectionScan.ReadAsync(Path.Combine(outputFolder, OutputSet.RejectedCsv), options.MaxRecords, warnings, cancellationToken);
        if (articles.Malformed > 0)
        {
            warnings.Add($"{OutputSet.ArticlesJsonl}: {articles.Malformed} lines are not JSON records and are left out.");
        }

        if (repairs.Malformed > 0)
        {
            warnings.Add($"{OutputSet.RepairsJsonl}: {repairs.Malformed} lines are not JSON records and are left out.");
        }

        var model = new ReportModel(options, run, articles, shown, repairs, rejections, warnings);
        await using var file = new AtomicFile(Path.Combine(outputFolder, FileName));
        await using (var writer = new StreamWriter(file.Stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" })
        {
            ReportHtml.Write(writer, model);
            await writer.FlushAsync(cancellationToken);
        }

        await file.CommitAsync(cancellationToken);
    }
}
