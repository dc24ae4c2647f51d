namespace NewsEtl.Output;

/// <summary>
/// A file written under a temporary name beside its target and renamed into place on commit,
/// so a reader sees the previous version or the new one, never half of one.
/// </summary>
public sealed class AtomicFile : IAsyncDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    public AtomicFile(string path)
    {
        Path = path;
        TempPath = System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path)) ?? ".",
            "." + System.IO.Path.GetFileName(path) + ".tmp-" + Environment.ProcessId);
        _stream = new FileStream(TempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
    }

    public string Path { get; }

    public string TempPath { get; }

    public Stream Stream => _stream;

    /// <summary>Flushes to disk and renames over the target.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken);
        _stream.Flush(flushToDisk: true);
        await _stream.DisposeAsync();
        File.Move(TempPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Without a commit the temporary file is removed and the target is left as it was.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        if (!_committed && File.Exists(TempPath))
        {
            File.Delete(TempPath);
        }
    }
}
