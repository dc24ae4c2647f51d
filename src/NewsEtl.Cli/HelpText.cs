namespace NewsEtl.Cli;

/// <summary>The text of --help: every option, its default, and the exit codes.</summary>
public static class HelpText
{
    public const string Usage = """
        newsetl: clean saved Jiemian news pages into normalized CSV and JSON records.

        Usage:
          newsetl [run] [--input DIR|FILE] [--urls FILE] [--output DIR] [options]
          newsetl fetch --urls FILE|--url URL [--output DIR] [fetch options]
          newsetl merge --output DIR SHARD_OUTPUT_DIR...

        Commands:
          run      clean saved pages (and --urls) into the output folder (the default command)
          fetch    only download --urls into OUTPUT/raw/fetch-*.warc.gz; failures in OUTPUT/fetch-rejected.csv
          merge    combine the run stores of shard runs (--shard K/N) and write the whole corpus

        Inputs and outputs:
          -i, --input PATH                 Folder (read recursively) or single file of saved pages. Default: input
          -o, --output DIR                 Folder for articles.csv, articles.jsonl, repairs.jsonl, rejected.csv,
                                           run.json; created if missing. Default: output
              --include GLOB               Only inputs whose path relative to --input matches (repeatable;
                                           *, **, ?; a glob without '/' matches the file name at any depth).
              --exclude GLOB               Leave out inputs that match (repeatable).
              --max-input-mb N             Reject an input (file or archive record) larger than N MiB. Default: 64

        Runs and state:
              --state PATH                 The run store (SQLite). Default: OUTPUT/newsetl.db
              --full                       Process every input again, even those whose bytes the store has seen.
              --since-last                 Write only what this run processed, into OUTPUT/runs/NNNNNN/.
              --prune                      Forget stored inputs that this run did not see (deleted files).
              --shard K/N                  Process only the K-th of N deterministic slices of the inputs.
              --config FILE                JSON object of options by long name, e.g. {"parallelism": 4}.
                                           NEWSETL_<OPTION> variables (NEWSETL_PARALLELISM=4) also set options;
                                           the command line wins over variables, which win over the file.

        Fetching:
              --urls FILE                  URLs to download, one per line (# comments allowed).
              --url URL                    One URL to download (repeatable).
              --user-agent TEXT            Default: NewsEtl/0.1 (+batch news cleaner; respects robots.txt)
              --fetch-concurrency N        Downloads at once. Default: 4
              --max-attempts N             Tries per request, retrying timeouts, 408, 429 and 5xx. Default: 4
              --per-host-delay SECONDS     Pause between requests to one host. Default: 1
              --attempt-timeout SECONDS    Timeout of one try. Default: 20
              --ignore-robots              Do not honour robots.txt.
              --allow-private-redirects    Follow redirects to private or loopback addresses.

        Processing:
          -p, --parallelism N              Pages processed at once. Default: number of cores
              --repair-charsets LIST       Legacy charsets whose out-of-step damage is repaired. Default: gbk,big5
              --keep-pinyin-notes          Keep pinyin notes a script converter left after characters.
              --full-width-punctuation     Write ，：；？！（） in full width where the page folded them to ASCII.
              --paragraph-similarity X     How alike two paragraphs must be (0.5-1) to count as copies. Default: 0.8
              --min-repeated-block N       Consecutive repeated paragraphs that make a duplicate copy. Default: 3
              --near-duplicate-threshold X Resemblance (0-1) at which two articles are duplicates. Default: 0.32
              --shingle-length N           Characters per shingle for near-duplicate matching. Default: 3
              --drop-duplicates            Leave records marked duplicate_of out of articles.csv/jsonl.
              --input-timeout SECONDS      An input still in work after this long becomes a failure. Default: 120
              --max-nesting N              HTML nested deeper than this is flattened before parsing. Default: 512
              --report-max-records N       Records shown in report.html (flagged first). Default: 200
              --no-report                  Do not write report.html.
              --no-csv-injection-protection
                                           Do not prefix cells starting with = + - @ tab CR with a quote.

        Logging:
          -q, --quiet                      No progress lines.
              --log-format text|json       Progress and summary as plain lines or JSON lines. Default: text
          -h, --help                       This text.
              --version                    The tool's version.

        Exit codes:
          0    done (inputs rejected as non-articles are an expected outcome)
          1    done, but some inputs failed (I/O error, corrupt file, stage error): see rejected.csv
          2    bad arguments or configuration: nothing was run
          3    the run could not complete; previous outputs are left as they were
          130  cancelled (Ctrl+C or SIGTERM); previous outputs are left as they were
        """;
}
