namespace NewsEtl.Core.Tests.Support;

/// <summary>Finds folders of the source tree and the shared folder beside it, walking up from the test binaries.</summary>
public static class RepoPaths
{
    /// <summary>The first folder named <paramref name="relative"/> above the test binaries, or null.</summary>
    public static string? FindUp(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The repository's root (the folder holding NewsEtl.sln).</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsEtl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"NewsEtl.sln not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The real 2019 pages (shared/jiemian-2019), or null when the shared folder is not beside the repository.</summary>
    public static string? SharedPages() => FindUp(Path.Combine("shared", "jiemian-2019"));
}
