using NewsEtl.Model;

namespace NewsEtl.Output.Report;

/// <summary>
/// The text around each repair, found by undoing a record's repair-stage changes on its final text, last first:
/// each change's offset is in the text of its moment (README, repairs.jsonl), so undoing in reverse needs no
/// position bookkeeping, and every non-empty replacement is checked where it should be. A paragraph whose check
/// fails gets no context rather than a wrong one.
/// </summary>
internal static class RepairContext
{
    /// <summary>Left and right context (up to <see cref="InlineDiff.MaxContext"/> characters) of the <paramref name="wanted"/> repairs.</summary>
    public static Dictionary<RepairEntry, (string Left, string Right)> Find(
        string title, string subtitle, IReadOnlyList<string> paragraphs, IReadOnlyList<RepairEntry> all, IReadOnlyList<RepairEntry> wanted)
    {
        var want = new HashSet<RepairEntry>(wanted, ReferenceEqualityComparer.Instance);
        var found = new Dictionary<RepairEntry, (string, string)>(ReferenceEqualityComparer.Instance);
        var body = new BodyTexts(paragraphs, all.Where(e => e.Stage == "dedup"));
        foreach (var group in all.Where(e => e.Stage == "repair").GroupBy(e => (e.Field, e.Paragraph)))
        {
            var text = group.Key.Field switch
            {
                "title" => title,
                "subtitle" => subtitle,
                "body" => body.Repaired(group.Key.Paragraph),
                _ => null,
            };
            if (text is not null)
            {
                Undo(text, group.ToList(), want, found);
            }
        }

        return found;
    }

    private static void Undo(string text, List<RepairEntry> edits, HashSet<RepairEntry> want, Dictionary<RepairEntry, (string, string)> found)
    {
        var local = new List<(RepairEntry, (string, string))>();
        for (var k = edits.Count - 1; k >= 0; k--)
        {
            var e = edits[k];
            var end = e.Offset + e.After.Length;
            if (e.Offset < 0 || end > text.Length || !text.AsSpan(e.Offset, e.After.Length).SequenceEqual(e.After))
            {
                return;
            }

            if (want.Contains(e))
            {
                local.Add((e, (InlineDiff.Tail(text[..e.Offset], InlineDiff.MaxContext), InlineDiff.Head(text[end..], InlineDiff.MaxContext))));
            }

            text = string.Concat(text.AsSpan(0, e.Offset), e.Before, text.AsSpan(end));
        }

        foreach (var (e, context) in local)
        {
            found[e] = context;
        }
    }

    /// <summary>
    /// Each paragraph as the repair stage left it, by its index in the extracted list: dedup removed some (their
    /// text is in the dedup entry) and replaced some with a cleaner copy (their own text is the entry's before).
    /// </summary>
    private sealed class BodyTexts
    {
        private readonly IReadOnlyList<string> _final;
        private readonly Dictionary<int, string> _known = [];
        private readonly HashSet<int> _removed = [];

        public BodyTexts(IReadOnlyList<string> final, IEnumerable<RepairEntry> dedup)
        {
            _final = final;
            foreach (var e in dedup)
            {
                if (e.Kind == "merged-from-copy")
                {
                    _known.TryAdd(e.Paragraph, e.Before);
                }
                else if (e.After.Length == 0)
                {
                    // Paragraphs never hold a blank line (white space is collapsed), so a removed block splits back exactly.
                    var parts = e.Kind == "duplicate-block" ? e.Before.Split("\n\n") : [e.Before];
                    for (var k = 0; k < parts.Length; k++)
                    {
                        _known.TryAdd(e.Paragraph + k, parts[k]);
                        _removed.Add(e.Paragraph + k);
                    }
                }
            }
        }

        public string? Repaired(int index)
        {
            if (_known.TryGetValue(index, out var text))
            {
                return text;
            }

            var position = index - _removed.Count(r => r < index);
            return position >= 0 && position < _final.Count ? _final[position] : null;
        }
    }
}
