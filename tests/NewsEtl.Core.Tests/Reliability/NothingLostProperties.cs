using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NewsEtl.Extraction;
using NewsEtl.Model;

namespace NewsEtl.Core.Tests.Reliability;

/// <summary>
/// Random folders of good and bad inputs, with faults injected into chosen inputs at every stage after loading:
/// inputs = records + rejections, each input exactly once, whatever throws.
/// </summary>
public sealed class NothingLostProperties
{
    /// <summary>The kinds of file a random folder is made of; each yields exactly one input.</summary>
    public enum FileKind
    {
        GoodPage,
        GoodText,
        Empty,
        Binary,
        DeepNesting,
        Unsupported,
        GoodWarc,
        CorruptWarc,
        GoodMhtml,
        TruncatedMhtml,
    }

    /// <summary>Where an injected fault strikes: in the extractor, or later through the article it returns.</summary>
    public enum Fault
    {
        None,
        ExtractThrows,
        ExtractHangs,
        RepairThrows,
        LateRepairThrows,
        RecordThrows,
    }

    [Property(MaxTest = 12)]
    public Property Run_RandomFolderWithFaults_EveryInputEndsAsExactlyOneRecordOrRejection() =>
        Prop.ForAll(
            Gen.Zip(Gen.Elements(Enum.GetValues<FileKind>()), Gen.Elements(Enum.GetValues<Fault>()))
                .ListOf().Where(l => l.Count <= 12).ToArbitrary(),
            files =>
            {
                using var tree = new TempTree();
                var faults = new Dictionary<string, Fault>(StringComparer.Ordinal);
                var expected = new List<string>();
                var mustFail = new List<string>();
                var i = 0;
                foreach (var (kind, fault) in files)
                {
                    var source = Write(tree.Input, kind, i++);
                    faults[source] = fault;
                    expected.Add(source);
                    if (fault != Fault.None && kind is FileKind.GoodPage or FileKind.GoodText or FileKind.GoodWarc or FileKind.GoodMhtml)
                    {
                        mustFail.Add(source);
                    }
                }

                using var release = new ManualResetEventSlim();
                var run = PipelineRun.RunAsync(
                    tree.Input,
                    tree.Output,
                    inner => new FaultyExtractor(inner, faults, release),
                    o => o with { InputTimeout = TimeSpan.FromSeconds(1) },
                    parallelism: 2).GetAwaiter().GetResult();
                release.Set();

                var actual = run.Outcomes.Select(o => o.Source).Order(StringComparer.Ordinal).ToList();
                var counts = run.Summary.Report.Counts;
                // A good input hit by a fault is a failure with a reason, never a record built from half the stages.
                var faulted = run.Outcomes.Where(o => mustFail.Contains(o.Source)).ToList();
                return (actual.SequenceEqual(expected.Order(StringComparer.Ordinal))
                        && counts.Inputs == expected.Count
                        && counts.Records + counts.Rejected == expected.Count
                        && run.Outcomes.Where(o => !o.IsRecord).All(o => o.Reason.Length > 0)
                        && faulted.All(o => !o.IsRecord && o.IsFailure && o.Stage == "process"))
                    .Label($"expected [{string.Join(", ", expected)}], got [{string.Join(", ", actual)}]");
            });

    private static string Write(string folder, FileKind kind, int index)
    {
        var name = $"{index:D2}-{kind}";
        var page = BadInputCorpus.GoodPage(index);
        switch (kind)
        {
            case FileKind.GoodPage:
                File.WriteAllText(Path.Combine(folder, name + ".html"), page);
                return name + ".html";
            case FileKind.GoodText:
                File.WriteAllText(Path.Combine(folder, name + ".txt"), string.Join("\n", Enumerable.Repeat("记者从市交通委员会获悉，今年前三季度全市新开通公交线路27条，第" + index + "号。", 4)));
                return name + ".txt";
            case FileKind.Empty:
                File.WriteAllBytes(Path.Combine(folder, name + ".html"), []);
                return name + ".html";
            case FileKind.Binary:
                var bytes = new byte[2048];
                new Random(index).NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(folder, name + ".html"), bytes);
                return name + ".html";
            case FileKind.DeepNesting:
                File.WriteAllText(Path.Combine(folder, name + ".html"), BadInputCorpus.Page(string.Concat(Enumerable.Repeat("<div>", 20_000)) + "正文"));
                return name + ".html";
            case FileKind.Unsupported:
                File.WriteAllText(Path.Combine(folder, name + ".pdf"), "%PDF-1.4");
                return name + ".pdf";
            case FileKind.GoodWarc:
                File.WriteAllBytes(Path.Combine(folder, name + ".warc.gz"), BadInputCorpus.Gzip(BadInputCorpus.Warc(("urn:p" + index, page))));
                return name + ".warc.gz#urn:p" + index;
            case FileKind.CorruptWarc:
                var warc = BadInputCorpus.Warc(("urn:c" + index, page));
                File.WriteAllBytes(Path.Combine(folder, name + ".warc"), warc[..(warc.Length / 2)]);
                return name + ".warc";
            case FileKind.GoodMhtml:
            case FileKind.TruncatedMhtml:
                var mhtml = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                    + page + "\r\n--b--\r\n";
                File.WriteAllText(Path.Combine(folder, name + ".mhtml"), kind == FileKind.GoodMhtml ? mhtml : mhtml[..(mhtml.Length / 2)]);
                return name + ".mhtml";
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>
    /// The fault-injection seam: wraps the real extractor. Faults after extraction are reached through the article it
    /// returns, whose lists throw when the repair stage, the dedup stage or the record builder reads them.
    /// </summary>
    private sealed class FaultyExtractor(IArticleExtractor inner, Dictionary<string, Fault> faults, ManualResetEventSlim release) : IArticleExtractor
    {
        public ExtractionResult Extract(DecodedPage page)
        {
            var fault = faults.GetValueOrDefault(page.Source);
            switch (fault)
            {
                case Fault.ExtractThrows:
                    throw new InvalidOperationException("injected extract fault");
                case Fault.ExtractHangs:
                    release.Wait(TimeSpan.FromSeconds(30));
                    break;
            }

            var result = inner.Extract(page);
            if (result.Article is not { } article)
            {
                return result;
            }

            return fault switch
            {
                // The processor enumerates the paragraphs once for the page repairer, then indexes them one by one.
                Fault.RepairThrows => ExtractionResult.Ok(article with { Paragraphs = new ThrowingList<string>(article.Paragraphs, throwOnIndex: true) }),
                Fault.LateRepairThrows => ExtractionResult.Ok(article with { Title = article.Title, Paragraphs = new ThrowingList<string>(article.Paragraphs, throwOnIndex: false, throwAfterReads: article.Paragraphs.Count + 1) }),
                Fault.RecordThrows => ExtractionResult.Ok(article with { Authors = new ThrowingList<string>([], throwOnIndex: false, throwAfterReads: 0) }),
                _ => result,
            };
        }
    }

    private sealed class ThrowingList<T>(IReadOnlyList<T> items, bool throwOnIndex, int throwAfterReads = int.MaxValue) : IReadOnlyList<T>
    {
        private int reads;

        public int Count => items.Count;

        public T this[int index] => throwOnIndex ? throw new InvalidOperationException("injected repair fault") : Read(items[index]);

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var item in items)
            {
                yield return Read(item);
            }

            if (items.Count == 0 && ++reads > throwAfterReads)
            {
                throw new InvalidOperationException("injected record fault");
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        private T Read(T item) => ++reads > throwAfterReads ? throw new InvalidOperationException("injected fault") : item;
    }
}
