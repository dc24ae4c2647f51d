using System.Globalization;

namespace NewsEtl.Cli;

/// <summary>The parsed command line, or the messages that say what is wrong with it.</summary>
public sealed record ParseResult(CliOptions Options, IReadOnlyList<string> Errors);

/// <summary>Reads `newsetl [run] [--option value]...`; every option is documented in <see cref="HelpText"/>.</summary>
public static class CliParser
{
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        var errors = new List<string>();
        var i = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            o = o with { Command = args[0] };
            i = 1;
            if (args[0] is not ("run" or "fetch" or "merge" or "help"))
            {
                errors.Add($"unknown command '{args[0]}': use run, fetch or merge (see --help).");
            }
        }

        while (i < args.Count)
        {
            var name = args[i++];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (name.StartsWith("--", StringComparison.Ordinal) && eq > 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    return args[i++];
                }

                errors.Add($"{name} needs a value (see --help).");
                return string.Empty;
            }

            switch (name)
            {
                case "--input" or "-i": o = o with { Input = Value() }; break;
                case "--output" or "-o": o = o with { Output = Value() }; break;
                case "--include": o.Include.Add(Value()); break;
                case "--exclude": o.Exclude.Add(Value()); break;
                case "--max-input-mb": o = o with { MaxInputMegabytes = Long(name, Value(), errors) }; break;
                case "--parallelism" or "-p": o = o with { Parallelism = Int(name, Value(), errors) }; break;
                case "--repair-charsets":
                    o = o with { RepairCharsets = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant()).ToList() };
                    break;
                case "--keep-pinyin-notes": o = o with { KeepPinyinNotes = true }; break;
                case "--full-width-punctuation": o = o with { FullWidthPunctuation = true }; break;
                case "--paragraph-similarity": o = o with { ParagraphSimilarity = Double(name, Value(), errors) }; break;
                case "--min-repeated-block": o = o with { MinimumRepeatedBlock = Int(name, Value(), errors) }; break;
                case "--near-duplicate-threshold": o = o with { NearDuplicateThreshold = Double(name, Value(), errors) }; break;
                case "--shingle-length": o = o with { ShingleLength = Int(name, Value(), errors) }; break;
                case "--drop-duplicates": o = o with { DropDuplicates = true }; break;
                case "--no-csv-injection-protection": o = o with { NoCsvInjectionProtection = true }; break;
                case "--quiet" or "-q": o = o with { Quiet = true }; break;
                case "--log-format":
                    var format = Value();
                    if (format is not ("text" or "json"))
                    {
                        errors.Add($"--log-format '{format}' is not known: use 'text' or 'json'.");
                    }

                    o = o with { LogFormat = format };
                    break;
                case "--state": o = o with { State = Value() }; break;
                case "--full": o = o with { Full = true }; break;
                case "--since-last": o = o with { SinceLast = true }; break;
                case "--prune": o = o with { Prune = true }; break;
                case "--shard": o = o with { Shard = Value() }; break;
                case "--urls": o = o with { UrlsFile = Value() }; break;
                case "--url": o.Urls.Add(Value()); break;
                case "--user-agent": o = o with { UserAgent = Value() }; break;
                case "--fetch-concurrency": o = o with { FetchConcurrency = Int(name, Value(), errors) }; break;
                case "--max-attempts": o = o with { MaxAttempts = Int(name, Value(), errors) }; break;
                case "--per-host-delay": o = o with { PerHostDelaySeconds = Double(name, Value(), errors) }; break;
                case "--attempt-timeout": o = o with { AttemptTimeoutSeconds = Double(name, Value(), errors) }; break;
                case "--ignore-robots": o = o with { IgnoreRobots = true }; break;
                case "--allow-private-redirects": o = o with { AllowPrivateRedirects = true }; break;
                case "--from": o.MergeFrom.Add(Value()); break;
                case "--config": o = o with { Config = Value() }; break;
                case "--report-max-records": o = o with { ReportMaxRecords = Int(name, Value(), errors) }; break;
                case "--no-report": o = o with { NoReport = true }; break;
                case "--input-timeout": o = o with { InputTimeoutSeconds = Double(name, Value(), errors) }; break;
                case "--max-nesting": o = o with { MaxNestingDepth = Int(name, Value(), errors) }; break;
                case "--help" or "-h": o = o with { Help = true }; break;
                case "--version": o = o with { Version = true }; break;
                default:
                    if (o.Command == "merge" && !name.StartsWith('-'))
                    {
                        o.MergeFrom.Add(name);
                        break;
                    }

                    errors.Add($"unknown option '{name}' (see --help).");
                    break;
            }
        }

        if (o.Command == "help")
        {
            o = o with { Help = true };
        }

        return new ParseResult(o, errors);
    }

    private static int? Int(string name, string text, List<string> errors) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : Fail<int>(name, text, "a whole number", errors);

    private static long? Long(string name, string text, List<string> errors) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : Fail<long>(name, text, "a whole number", errors);

    private static double? Double(string name, string text, List<string> errors) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : Fail<double>(name, text, "a number such as 0.8", errors);

    private static T? Fail<T>(string name, string text, string expected, List<string> errors)
        where T : struct
    {
        errors.Add($"{name} '{text}' is not {expected}.");
        return null;
    }
}
