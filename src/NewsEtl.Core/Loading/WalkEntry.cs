namespace NewsEtl.Loading;

internal enum WalkEntryKind
{
    /// <summary>A file, or a symbolic link to one (or a dangling link: reading it reports the problem).</summary>
    File,

    /// <summary>A symbolic link to a folder: never followed, so link loops cannot hang the walk.</summary>
    DirectoryLink,

    /// <summary>A real folder: the walk descends into it and never yields it.</summary>
    Folder,

    /// <summary>A folder that could not be listed.</summary>
    ListingError,

    /// <summary>The <c>X_files/</c> folder of a browser-saved <c>X.html</c>; <see cref="WalkEntry.AssetCount"/> files skipped.</summary>
    AssetFolder,
}

/// <summary>One thing the folder walk found, named by its '/' path relative to the input folder.</summary>
internal sealed record WalkEntry(WalkEntryKind Kind, string RelativePath, string FullPath, string? Error = null, int AssetCount = 0);
