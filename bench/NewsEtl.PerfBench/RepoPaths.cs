namespace NewsEtl.PerfBench;

internal static class RepoPaths
{
    /// <summary>The folder holding NewsEtl.sln, found from the working directory or the program's own folder.</summary>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsEtl.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("cannot find NewsEtl.sln above the working directory: run from inside the repository.");
    }
}
