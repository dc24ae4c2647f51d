using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace NewsEtl.Cli;

/// <summary>
/// Options from a JSON config file (--config or NEWSETL_CONFIG) and NEWSETL_* environment variables, turned into
/// command-line tokens placed before the real arguments: the command line wins over the environment, which wins
/// over the file. Keys are the long option names ("parallelism", "drop-duplicates", "include": [...]).
/// </summary>
public static class ConfigSources
{
    /// <summary>Options that take a value; a config array gives the option once per element.</summary>
    public static readonly string[] ValueOptions =
    [
        "input", "output", "include", "exclude", "max-input-mb", "parallelism", "repair-charsets", "paragraph-similarity",
        "min-repeated-block", "near-duplicate-threshold", "shingle-length", "log-format", "state", "shard", "urls", "url",
        "user-agent", "fetch-concurrency", "max-attempts", "per-host-delay", "attempt-timeout", "report-max-records", "input-timeout", "max-nesting",
    ];

    /// <summary>Options that are switched on by their presence.</summary>
    public static readonly string[] FlagOptions =
    [
        "keep-pinyin-notes", "full-width-punctuation", "drop-duplicates", "no-csv-injection-protection", "quiet", "full",
        "since-last", "prune", "ignore-robots", "allow-private-redirects", "no-report",
    ];

    public static (List<string> Tokens, List<string> Errors) Expand(IReadOnlyList<string> args, IDictionary environment)
    {
        var errors = new List<string>();
        var command = args.Count > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var rest = command is null ? args.ToList() : args.Skip(1).ToList();
        var tokens = new List<string>();
        if (command is not null)
        {
            tokens.Add(command);
        }

        var configPath = ConfigPath(rest) ?? environment["NEWSETL_CONFIG"] as string;
        if (!string.IsNullOrWhiteSpace(configPath))
        {
            tokens.AddRange(FromFile(configPath, errors));
        }

        tokens.AddRange(FromEnvironment(environment, errors));
        tokens.AddRange(rest);
        return (tokens, errors);
    }

    private static string? ConfigPath(List<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--config" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--config=", StringComparison.Ordinal))
            {
                return args[i]["--config=".Length..];
            }
        }

        return null;
    }

    private static List<string> FromFile(string path, List<string> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            errors.Add($"--config '{path}' could not be read: {ex.Message}. Fix the file or the path.");
            return [];
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors.Add($"--config '{path}' must hold one JSON object of option names and values, e.g. {{\"parallelism\": 4}}.");
                return [];
            }

            var tokens = new List<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                tokens.AddRange(Tokens(property.Name, property.Value, $"config key '{property.Name}' in {path}", errors));
            }

            return tokens;
        }
    }

    private static List<string> FromEnvironment(IDictionary environment, List<string> errors)
    {
        var tokens = new List<string>();
        foreach (var name in ValueOptions.Concat(FlagOptions))
        {
            var variable = "NEWSETL_" + name.ToUpperInvariant().Replace('-', '_');
            if (environment[variable] is not string value || value.Length == 0)
            {
                continue;
            }

            if (FlagOptions.Contains(name))
            {
                if (value is "1" or "true" or "TRUE" or "True")
                {
                    tokens.Add("--" + name);
                }
                else if (value is not ("0" or "false" or "FALSE" or "False"))
                {
                    errors.Add($"{variable}='{value}' is not a switch value: use true or false.");
                }

                continue;
            }

            tokens.Add("--" + name);
            tokens.Add(value);
        }

        return tokens;
    }

    private static List<string> Tokens(string name, JsonElement value, string where, List<string> errors)
    {
        if (FlagOptions.Contains(name))
        {
            if (value.ValueKind is JsonValueKind.True)
            {
                return ["--" + name];
            }

            if (value.ValueKind is not JsonValueKind.False)
            {
                errors.Add($"{where} is a switch: use true or false.");
            }

            return [];
        }

        if (!ValueOptions.Contains(name))
        {
            errors.Add($"{where} is not an option: use the long option names from --help without the dashes.");
            return [];
        }

        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        var tokens = new List<string>();
        foreach (var element in values)
        {
            var text = element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
            if (text is null)
            {
                errors.Add($"{where} must be a string or a number{(ValueOptions.Contains(name) ? " (or an array of them)" : string.Empty)}.");
                continue;
            }

            tokens.Add("--" + name);
            tokens.Add(text.ToString(CultureInfo.InvariantCulture));
        }

        return tokens;
    }
}
