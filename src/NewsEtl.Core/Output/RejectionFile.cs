using System.Text;
using CsvHelper;
using NewsEtl.Model;

namespace NewsEtl.Output;

/// <summary>A stand-alone rejected-list CSV (same columns as rejected.csv), written atomically.</summary>
public static class RejectionFile
{
    public static async Task WriteAsync(string path, IEnumerable<Rejection> rejections, bool injectionProtection, CancellationToken cancellationToken)
    {
        await using var file = new AtomicFile(path);
        await using (var text = new StreamWriter(file.Stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true))
        {
            await using (var csv = CsvWriter.Create(text, CsvFormat.Writer(injectionProtection), true))
            {
                csv.WriteHeader(RejectionColumns.Header);
                foreach (var rejection in rejections)
                {
                    csv.WriteRecord(RejectionColumns.Fields(rejection));
                }
            }
        }

        await file.CommitAsync(cancellationToken);
    }
}
