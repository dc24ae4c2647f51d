using NewsEtl.Model;

namespace NewsEtl.Output.Report;

/// <summary>
/// The repairs of one shown record: all counted, at most a cap kept for display. When the cap is reached a
/// low-confidence repair still gets in by pushing out the latest confident one, since those are the ones a
/// reviewer must see. Up to <paramref name="contextCap"/> entries are also held until the record's text has
/// been read, to find the text around the kept ones (<see cref="RepairContext"/>).
/// </summary>
internal sealed class RepairBucket(int cap, int contextCap)
{
    public const double LowConfidence = 0.5;

    private readonly List<RepairEntry> _kept = [];
    private readonly SortedSet<string> _kinds = new(StringComparer.Ordinal);
    private List<RepairEntry>? _all = [];
    private Dictionary<RepairEntry, (string Left, string Right)> _contexts = new(ReferenceEqualityComparer.Instance);

    /// <summary>Kept repairs, in file order.</summary>
    public IReadOnlyList<RepairEntry> Kept => _kept;

    /// <summary>Every kind the record's repairs have, kept or not.</summary>
    public IReadOnlyCollection<string> Kinds => _kinds;

    public int Total { get; private set; }

    public static bool IsLow(RepairEntry entry) => entry.Confidence < LowConfidence;

    public void Add(RepairEntry entry)
    {
        Total++;
        _kinds.Add(entry.Kind);
        if (_all is not null)
        {
            // Past the cap the record is shown without context: memory stays bounded whatever one page holds.
            _all = _all.Count < contextCap ? _all : null;
            _all?.Add(entry);
        }

        if (_kept.Count < cap)
        {
            _kept.Add(entry);
            return;
        }

        if (IsLow(entry))
        {
            var last = _kept.FindLastIndex(e => !IsLow(e));
            if (last >= 0)
            {
                _kept.RemoveAt(last);
                _kept.Add(entry);
            }
        }
    }

    /// <summary>At most <paramref name="limit"/> of the kept repairs, low-confidence ones first, in file order.</summary>
    public IReadOnlyList<RepairEntry> Take(int limit)
    {
        if (limit >= _kept.Count)
        {
            return _kept;
        }

        var chosen = new HashSet<RepairEntry>(_kept.Where(IsLow).Concat(_kept.Where(e => !IsLow(e))).Take(Math.Max(0, limit)), ReferenceEqualityComparer.Instance);
        return _kept.Where(chosen.Contains).ToList();
    }

    /// <summary>Finds the context of the kept repairs in the record's final text, then lets go of the full list.</summary>
    public void AddContext(string title, string subtitle, IReadOnlyList<string> paragraphs)
    {
        if (_all is not null && _kept.Count > 0)
        {
            _contexts = RepairContext.Find(title, subtitle, paragraphs, _all, _kept);
        }

        _all = null;
    }

    /// <summary>The text left and right of a kept repair, or empty strings when it could not be placed.</summary>
    public (string Left, string Right) ContextOf(RepairEntry entry) =>
        _contexts.TryGetValue(entry, out var context) ? context : (string.Empty, string.Empty);
}
