using System.Text;
using NewsEtl.Extraction;
using NewsEtl.Loading;
using NewsEtl.Model;
using NewsEtl.Repair;

namespace NewsEtl.Fuzz;

/// <summary>
/// One fuzz target per parser entry point. A target returns normally for any input the tool handles as designed
/// (a record, a rejection, an expected format error) and lets any other exception escape: that is a crash. Linked
/// into the test project, which replays every saved crash as a regression test.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<string> Names = ["html", "text", "mhtml", "warc", "repair"];

    // AFL inputs are small; this keeps one slow input from hiding behind a big one.
    private const int MaxInputBytes = 1 << 20;

    private static readonly Lazy<TextRepairer> Repairer = new(() => new TextRepairer());

    public static void Run(string target, byte[] data)
    {
        if (data.Length > MaxInputBytes)
        {
            return;
        }

        switch (target)
        {
            case "html":
                Extract(new RawInput("fuzz.html", data, null, null, "text/html"), new HtmlArticleExtractor());
                break;
            case "text":
                Extract(new RawInput("fuzz.txt", data, null, null, "text/plain"), new TextDumpExtractor());
                break;
            case "mhtml":
                foreach (var item in MhtmlReader.Read(data, "fuzz.mhtml"))
                {
                    if (item.Input is { } input)
                    {
                        Extract(input, new HtmlArticleExtractor());
                    }
                }

                break;
            case "warc":
                ReadWarc(data);
                break;
            case "repair":
                var text = Encoding.UTF8.GetString(data);
                var page = Repairer.Value.ForPage([text]);
                page.Repair(text);
                break;
            default:
                throw new ArgumentException($"unknown target '{target}'; use one of: {string.Join(", ", Names)}", nameof(target));
        }
    }

    private static void Extract(RawInput input, IArticleExtractor extractor)
    {
        var page = PageDecoder.Decode(input);
        var result = extractor.Extract(page);
        if (result.Article is null && string.IsNullOrEmpty(result.RejectReason))
        {
            throw new InvalidOperationException("a rejection without a reason");
        }
    }

    private static void ReadWarc(byte[] data)
    {
        using var stream = new MemoryStream(data, writable: false);
        var records = new WarcRecordSource(stream, "fuzz.warc", MaxInputBytes);
        try
        {
            while (records.Next() is { } item)
            {
                if (item.Input is { } input)
                {
                    PageDecoder.Decode(input);
                }
            }
        }
        catch (WarcFormatException)
        {
            // A corrupt or cut-off WARC: the loader turns this into a rejection of the file, by design.
        }
    }
}
