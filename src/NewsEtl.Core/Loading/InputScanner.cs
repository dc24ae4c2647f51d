namespace NewsEtl.Loading;

/// <summary>Finds the inputs under a folder (or in one file), in ordinal order of their relative paths, one file at a time.</summary>
public sealed class InputScanner
{
    private readonly IReadOnlyList<Glob> include;
    private readonly IReadOnlyList<Glob> exclude;

    /// <exception cref="ArgumentException">The options are not valid; the message lists every problem.</exception>
    public InputScanner(LoadOptions? options = null)
    {
        Options = options ?? LoadOptions.Default;
        var errors = Options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid load options: " + string.Join(" ", errors), nameof(options));
        }

        include = Glob.ParseAll(Options.Include);
        exclude = Glob.ParseAll(Options.Exclude);
    }

    public LoadOptions Options { get; }

    /// <summary>Files skipped because they are the assets of a browser-saved page (<c>X_files/</c> next to <c>X.html</c>), counted by the latest scan.</summary>
    public int SkippedAssets { get; private set; }

    /// <summary>Files (and folder links) left out by <see cref="LoadOptions.Include"/> / <see cref="LoadOptions.Exclude"/> in the latest scan.</summary>
    public int Excluded { get; private set; }

    /// <summary>
    /// Streams the items of <paramref name="inputPath"/>: every file ends as inputs or a rejection. Bad files never throw;
    /// the counters above are final once the enumeration ends. A scanner runs one scan at a time.
    /// </summary>
    /// <exception cref="FileNotFoundException">The input path is neither a file nor a folder.</exception>
    public IEnumerable<LoadItem> Scan(string inputPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputPath);
        if (File.Exists(inputPath))
        {
            // A file named on the command line is wanted as it is: globs do not apply.
            return ScanFile(Path.GetFullPath(inputPath), cancellationToken);
        }

        if (Directory.Exists(inputPath))
        {
            return ScanFolder(Path.GetFullPath(inputPath), cancellationToken);
        }

        throw new FileNotFoundException($"Input '{inputPath}' is neither a file nor a folder; give a folder of saved pages or one page file.", inputPath);
    }

    private IEnumerable<LoadItem> ScanFile(string path, CancellationToken cancellationToken)
    {
        SkippedAssets = 0;
        Excluded = 0;
        var sources = new UniqueSources();
        foreach (var item in FileLoader.Load(path, Path.GetFileName(path), Options, cancellationToken))
        {
            yield return sources.Claim(item);
        }
    }

    private IEnumerable<LoadItem> ScanFolder(string root, CancellationToken cancellationToken)
    {
        SkippedAssets = 0;
        Excluded = 0;
        var sources = new UniqueSources();
        foreach (var entry in FileWalker.Walk(root, cancellationToken))
        {
            switch (entry.Kind)
            {
                case WalkEntryKind.AssetFolder:
                    SkippedAssets += entry.AssetCount;
                    break;
                case WalkEntryKind.ListingError:
                    var folder = entry.RelativePath.Length == 0 ? "." : entry.RelativePath;
                    yield return sources.Claim(LoadItem.Reject(folder, $"cannot list folder: {entry.Error}", isFailure: true));
                    break;
                case WalkEntryKind.DirectoryLink when IsSelected(entry.RelativePath):
                    yield return sources.Claim(LoadItem.Reject(entry.RelativePath, "symbolic link to a folder, not followed", isFailure: false));
                    break;
                case WalkEntryKind.File when IsSelected(entry.RelativePath):
                    foreach (var item in FileLoader.Load(entry.FullPath, entry.RelativePath, Options, cancellationToken))
                    {
                        yield return sources.Claim(item);
                    }

                    break;
                default:
                    Excluded++;
                    break;
            }
        }
    }

    private bool IsSelected(string relativePath) =>
        (include.Count == 0 || include.Any(g => g.IsMatch(relativePath))) && !exclude.Any(g => g.IsMatch(relativePath));
}
