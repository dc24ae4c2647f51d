using System.Security;

namespace NewsEtl.Loading;

/// <summary>Walks a folder depth-first in ordinal order of the relative paths, holding one listing per open folder.</summary>
internal static class FileWalker
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
        MatchType = MatchType.Simple,
    };

    public static IEnumerable<WalkEntry> Walk(string root, CancellationToken cancellationToken)
    {
        var stack = new Stack<IEnumerator<WalkEntry>>();
        stack.Push(List(new DirectoryInfo(root), "").GetEnumerator());
        try
        {
            while (stack.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var top = stack.Peek();
                if (!top.MoveNext())
                {
                    stack.Pop().Dispose();
                    continue;
                }

                var entry = top.Current;
                if (entry.Kind == WalkEntryKind.Folder)
                {
                    stack.Push(List(new DirectoryInfo(entry.FullPath), entry.RelativePath + "/").GetEnumerator());
                }
                else
                {
                    yield return entry;
                }
            }
        }
        finally
        {
            while (stack.Count > 0)
            {
                stack.Pop().Dispose();
            }
        }
    }

    // Lists one folder, sorted so that the depth-first walk comes out in ordinal order of whole relative paths:
    // a folder sorts as "name/", which is where its children's paths sort among its siblings' paths.
    private static IEnumerable<WalkEntry> List(DirectoryInfo directory, string prefix)
    {
        List<FileSystemInfo> children;
        try
        {
            children = [.. directory.EnumerateFileSystemInfos("*", ListOptions)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [new WalkEntry(WalkEntryKind.ListingError, prefix.TrimEnd('/'), directory.FullName, e.Message)];
        }

        var entries = new List<(string Key, WalkEntry Entry)>(children.Count);
        foreach (var child in children)
        {
            var relative = prefix + child.Name;
            var isLink = (child.Attributes & FileAttributes.ReparsePoint) != 0;
            if (child is DirectoryInfo && isLink)
            {
                entries.Add((relative, new WalkEntry(WalkEntryKind.DirectoryLink, relative, child.FullName)));
            }
            else if (child is DirectoryInfo dir && IsAssetFolder(dir, children))
            {
                entries.Add((relative + "/", new WalkEntry(WalkEntryKind.AssetFolder, relative, dir.FullName, AssetCount: CountFiles(dir))));
            }
            else if (child is DirectoryInfo)
            {
                entries.Add((relative + "/", new WalkEntry(WalkEntryKind.Folder, relative, child.FullName)));
            }
            else
            {
                entries.Add((relative, new WalkEntry(WalkEntryKind.File, relative, child.FullName)));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return entries.Select(e => e.Entry);
    }

    // Browsers save "X.html" with its images and scripts in "X_files/"; those files are not pages.
    private static bool IsAssetFolder(DirectoryInfo dir, List<FileSystemInfo> siblings)
    {
        const string Suffix = "_files";
        if (!dir.Name.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || dir.Name.Length == Suffix.Length)
        {
            return false;
        }

        var stem = dir.Name[..^Suffix.Length];
        return siblings.Any(s => s is FileInfo
            && (s.Name.Equals(stem + ".html", StringComparison.OrdinalIgnoreCase)
                || s.Name.Equals(stem + ".htm", StringComparison.OrdinalIgnoreCase)));
    }

    private static int CountFiles(DirectoryInfo dir)
    {
        var count = 0;
        var pending = new Stack<DirectoryInfo>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            try
            {
                foreach (var child in pending.Pop().EnumerateFileSystemInfos("*", ListOptions))
                {
                    if (child is DirectoryInfo sub && (child.Attributes & FileAttributes.ReparsePoint) == 0)
                    {
                        pending.Push(sub);
                    }
                    else
                    {
                        count++;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
            {
                // An unlistable asset subfolder is still assets, not pages: count what could be seen.
            }
        }

        return count;
    }
}
