using System.Text;

namespace NewsEtl.Fetching;

/// <summary>
/// The robots.txt rules (RFC 9309) that apply to this tool on one host: the groups naming its product token,
/// else the "*" groups; Allow/Disallow with '*' and '$'; the longest matching rule wins, Allow on a tie.
/// </summary>
internal sealed class RobotsRules
{
    private readonly List<Rule> _rules;

    private RobotsRules(List<Rule> rules, bool disallowAll, string? note)
    {
        _rules = rules;
        DisallowAll = disallowAll;
        Note = note;
    }

    public bool DisallowAll { get; }

    /// <summary>Why the rules are what they are when no file was read (unreachable, unavailable).</summary>
    public string? Note { get; }

    public static RobotsRules AllowingAll(string? note = null) => new([], false, note);

    public static RobotsRules DisallowingAll(string note) => new([], true, note);

    public static RobotsRules Parse(string text, string productToken)
    {
        var groups = new List<(List<string> Agents, List<Rule> Rules)>();
        (List<string> Agents, List<Rule> Rules)? current = null;
        var lastWasAgent = false;
        foreach (var rawLine in text.Split('\n'))
        {
            var hash = rawLine.IndexOf('#', StringComparison.Ordinal);
            var line = (hash >= 0 ? rawLine[..hash] : rawLine).Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            if (key == "user-agent")
            {
                // Consecutive user-agent lines share one group; one after rules starts the next group.
                if (current is null || !lastWasAgent)
                {
                    current = ([], []);
                    groups.Add(current.Value);
                }

                current.Value.Agents.Add(value.Split('/', ' ')[0]);
                lastWasAgent = true;
            }
            else if (key is "allow" or "disallow")
            {
                lastWasAgent = false;
                if (current is { } group && value.Length > 0)
                {
                    group.Rules.Add(new Rule(key == "allow", Normalize(value)));
                }
            }
        }

        var mine = groups.Where(g => g.Agents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase))).ToList();
        if (mine.Count == 0)
        {
            mine = [.. groups.Where(g => g.Agents.Contains("*"))];
        }

        return new RobotsRules([.. mine.SelectMany(g => g.Rules)], false, null);
    }

    /// <summary>Whether the path (with query) may be fetched, and the rule that decided, as written in the file.</summary>
    public (bool Allowed, string? Rule) Check(string pathAndQuery)
    {
        if (DisallowAll)
        {
            return (false, null);
        }

        if (pathAndQuery == "/robots.txt")
        {
            return (true, null);
        }

        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (Matches(rule.Pattern, pathAndQuery)
                && (best is null || rule.Pattern.Length > best.Pattern.Length || (rule.Pattern.Length == best.Pattern.Length && rule.Allow)))
            {
                best = rule;
            }
        }

        return best is null ? (true, null) : (best.Allow, $"{(best.Allow ? "Allow" : "Disallow")}: {best.Pattern}");
    }

    /// <summary>'*' matches any run of characters, a final '$' anchors the end; otherwise a pattern matches a prefix.</summary>
    internal static bool Matches(string pattern, string path)
    {
        var anchored = pattern.EndsWith('$');
        var glob = anchored ? pattern[..^1] : pattern + "*";
        int p = 0, s = 0, star = -1, mark = 0;
        while (s < path.Length)
        {
            if (p < glob.Length && glob[p] != '*' && glob[p] == path[s])
            {
                p++;
                s++;
            }
            else if (p < glob.Length && glob[p] == '*')
            {
                star = p++;
                mark = s;
            }
            else if (star >= 0)
            {
                p = star + 1;
                s = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (p < glob.Length && glob[p] == '*')
        {
            p++;
        }

        return p == glob.Length;
    }

    // URLs reach us percent-encoded (Uri.PathAndQuery); encode a pattern's raw UTF-8 the same way so they compare.
    private static string Normalize(string pattern)
    {
        if (pattern.All(char.IsAscii))
        {
            return pattern;
        }

        var text = new StringBuilder();
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in pattern.EnumerateRunes())
        {
            if (rune.IsAscii)
            {
                text.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private sealed record Rule(bool Allow, string Pattern);
}
