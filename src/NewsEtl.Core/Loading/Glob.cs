using System.Text;
using System.Text.RegularExpressions;

namespace NewsEtl.Loading;

/// <summary>A file glob over a '/' relative path: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c> one character.</summary>
internal sealed class Glob
{
    private readonly Regex regex;
    private readonly bool matchesNameOnly;

    private Glob(Regex regex, bool matchesNameOnly)
    {
        this.regex = regex;
        this.matchesNameOnly = matchesNameOnly;
    }

    /// <summary>Says what is wrong with a glob and how to fix it, or null when it is usable.</summary>
    public static string? Check(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return "is empty; remove it or write a glob, e.g. '**/*.html'.";
        }

        if (pattern.Contains('\\'))
        {
            return $"'{pattern}' contains '\\'; write globs with '/' separators, e.g. 'drafts/**'.";
        }

        if (pattern.StartsWith('/'))
        {
            return $"'{pattern}' starts with '/'; globs match the path relative to the input folder, e.g. 'news/**/*.html'.";
        }

        return null;
    }

    public static Glob Parse(string pattern)
    {
        if (Check(pattern) is { } problem)
        {
            throw new ArgumentException($"Glob {problem}", nameof(pattern));
        }

        // As in .gitignore: a glob without '/' names files at any depth, so "*.txt" needs no "**/".
        var nameOnly = !pattern.Contains('/');
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;
        return new Glob(new Regex(ToRegex(pattern), options), nameOnly);
    }

    public static IReadOnlyList<Glob> ParseAll(IEnumerable<string> patterns) => [.. patterns.Select(Parse)];

    public bool IsMatch(string relativePath)
    {
        var target = matchesNameOnly ? relativePath[(relativePath.LastIndexOf('/') + 1)..] : relativePath;
        return regex.IsMatch(target);
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var atSegmentStart = i == 0 || pattern[i - 1] == '/';
                var followedBySlash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                if (atSegmentStart && followedBySlash)
                {
                    sb.Append("(?:.*/)?"); // "**/" also matches zero folders
                    i += 2;
                }
                else
                {
                    sb.Append(".*");
                    i++;
                }
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.Append('$').ToString();
    }
}
