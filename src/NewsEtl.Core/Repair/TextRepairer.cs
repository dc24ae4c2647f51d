using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>The repair stage: undoes encoding and conversion damage in the texts of one page at a time.</summary>
public sealed class TextRepairer
{
    private readonly RepairOptions _options;
    private readonly WordModel _model;
    private readonly DoubleByteCodec[] _codecs;

    public TextRepairer(RepairOptions? options = null, WordModel? model = null)
    {
        _options = options ?? new RepairOptions();
        _model = model ?? WordModel.Default;
        _codecs = [.. _options.Charsets.Select(n => n == "big5" ? DoubleByteCodec.Big5 : DoubleByteCodec.Gbk)];
    }

    /// <summary>A repairer that knows the page: its script, its punctuation habit and its own character statistics.</summary>
    public PageRepairer ForPage(IEnumerable<string> pageTexts)
    {
        var statistics = new PageStatistics(pageTexts);
        return new PageRepairer(_options, new TextScorer(_model, statistics), _codecs);
    }
}
