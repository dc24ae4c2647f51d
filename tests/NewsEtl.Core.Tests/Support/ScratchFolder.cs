namespace NewsEtl.Core.Tests.Support;

/// <summary>A folder under the system temp folder for one test, removed on dispose.</summary>
public sealed class ScratchFolder : IDisposable
{
    public ScratchFolder(string prefix = "newsetl-test-")
    {
        Root = Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
