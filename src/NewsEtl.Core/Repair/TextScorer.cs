using NewsEtl.Text;

namespace NewsEtl.Repair;

/// <summary>
/// Log-probability of a piece of text under a character bigram model: the general model of written
/// Chinese mixed with counts from the page itself, with a penalty for characters of the wrong script.
/// Used only to compare candidate readings of the same span, so the scale does not matter.
/// </summary>
internal sealed class TextScorer
{
    private const double BigramWeight = 0.6;
    private const double ScriptPenalty = -4.0;

    private readonly CharModel _model;
    private readonly PageStatistics _page;
    private readonly double _logTotal;

    public TextScorer(CharModel model, PageStatistics page)
    {
        _model = model;
        _page = page;
        _logTotal = Math.Log(model.Total);
    }

    public PageStatistics Page => _page;

    /// <summary>Sum of log P(c_i | c_{i-1}) over the text, the first character conditioned on <paramref name="before"/>.</summary>
    public double Score(ReadOnlySpan<char> text, char before = '\n')
    {
        var total = 0.0;
        var previous = before;
        foreach (var c in text)
        {
            total += LogProbability(previous, c);
            previous = c;
        }

        return total;
    }

    internal string Explain(ReadOnlySpan<char> text, char before)
    {
        var sb = new System.Text.StringBuilder();
        var previous = before;
        foreach (var c in text)
        {
            sb.Append(c).Append(LogProbability(previous, c).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            previous = c;
        }

        return sb.ToString();
    }

    public double LogProbability(char previous, char c)
    {
        double p;
        if (HanChar.IsHan(previous) && HanChar.IsHan(c))
        {
            // Between Han characters the general model decides: a page's own pairs would count its damage too.
            var pairCount = _model.Bigram(previous, c);
            var previousCount = _model.Unigram(previous);
            var bigram = previousCount > 0 ? (double)pairCount / previousCount : 0;
            p = ((1 - BigramWeight) * HanUnigram(c)) + (BigramWeight * bigram);
        }
        else
        {
            // Punctuation, digits and Latin: the general model has no data, the page's habits do.
            var unigram = HanChar.IsHan(c) ? HanUnigram(c) : Math.Max(ClassPrior(c), _page.Unigram(c) * 0.5);
            p = ((1 - BigramWeight) * unigram) + (BigramWeight * _page.Conditional(previous, c));
        }

        var logp = Math.Log(p);
        if (_page.IsTraditional ? ChineseScript.IsSimplifiedOnly(c) : ChineseScript.IsTraditionalOnly(c))
        {
            logp += ScriptPenalty;
        }

        return logp;
    }

    private double HanUnigram(char c) => Math.Exp(Math.Log(_model.Unigram(c) + 0.5) - _logTotal);

    private static double ClassPrior(char c) => c switch
    {
        '，' or '。' or '、' or '“' or '”' or '：' or '？' or '！' or '；' or '（' or '）' or '《' or '》' or '—' or '…' => 3e-3,
        ',' or '.' or ':' or '?' or '!' or ';' or '(' or ')' => 1e-3,
        '\n' => 1e-3,
        _ when char.IsAsciiLetterOrDigit(c) => 3e-4,
        _ when c < 0x80 => 1e-4,
        _ when HanChar.IsCjkPunctuation(c) => 1e-5,
        // Greek, Cyrillic, kana, box drawing and the like are what mojibake is made of.
        _ => 1e-7,
    };
}
