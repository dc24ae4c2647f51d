using System.Globalization;

namespace NewsEtl.PerfBench;

/// <summary>"--name value" and "--flag" options after the command word.</summary>
internal sealed class Args
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public Args(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    _values[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                _values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"unexpected argument '{arg}': options are --name value");
            }
        }

        if (pending is not null)
        {
            _values[pending] = null;
        }
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string Text(string name, string fallback) => _values.TryGetValue(name, out var v) && v is not null ? v : fallback;

    public int Int(string name, int fallback) =>
        _values.TryGetValue(name, out var v) && v is not null ? int.Parse(v, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var v) && v is not null
            ? [.. v.Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture))]
            : fallback;
}
