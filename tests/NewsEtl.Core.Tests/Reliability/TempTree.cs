namespace NewsEtl.Core.Tests.Reliability;

/// <summary>A temp folder with input/ and output/ inside, removed on dispose even when a test locked parts of it.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "newsetl-rel-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Input);
    }

    public string Root { get; }

    public string Input => Path.Combine(Root, "input");

    public string Output => Path.Combine(Root, "output");

    public void Dispose()
    {
        try
        {
            // Unlock what the corpus locked (chmod 000), without following links, then delete.
            foreach (var entry in new DirectoryInfo(Root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
            {
                if (!OperatingSystem.IsWindows() && entry.LinkTarget is null && entry is DirectoryInfo)
                {
                    File.SetUnixFileMode(entry.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
