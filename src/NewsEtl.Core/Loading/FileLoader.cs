using System.Security;
using NewsEtl.Model;

namespace NewsEtl.Loading;

/// <summary>Loads one file by its format: its inputs, or the rejection that says why there are none.</summary>
internal static class FileLoader
{
    public static IEnumerable<LoadItem> Load(string fullPath, string source, LoadOptions options, CancellationToken cancellationToken)
    {
        var format = InputFormats.FromFileName(Path.GetFileName(fullPath));
        if (format == InputFormat.Unsupported)
        {
            var extension = InputFormats.Extension(Path.GetFileName(fullPath));
            var reason = extension.Length == 0 ? "unsupported file type (no extension)" : $"unsupported file type '{extension}'";
            return [LoadItem.Reject(source, reason, isFailure: false)];
        }

        long length;
        try
        {
            // FileInfo.Length of a link is the link's own size: the target's is what will be read. A link to a FIFO
            // or a device (/dev/zero) resolves to size 0 and is rejected below, before anything opens it.
            var info = new FileInfo(fullPath);
            var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
            if (target is not { Exists: true })
            {
                return [LoadItem.Reject(source, "cannot read file: dangling symbolic link or link to a folder", isFailure: true)];
            }

            length = target.Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [CannotRead(source, e)];
        }

        // Checked before opening: it also keeps a FIFO or device (size 0) from blocking the run.
        if (length == 0)
        {
            return [LoadItem.Reject(source, "empty file", isFailure: false)];
        }

        if (format == InputFormat.Warc)
        {
            // Archives are read record by record, so their size is limited per record, not per file.
            return WarcLoader.Load(fullPath, source, options, cancellationToken);
        }

        if (length > options.MaxInputBytes)
        {
            return [LoadItem.Reject(source, $"file of {length} bytes exceeds MaxInputBytes ({options.MaxInputBytes})", isFailure: false)];
        }

        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(fullPath, length, options.MaxInputBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [CannotRead(source, e)];
        }

        if (bytes is null)
        {
            return [LoadItem.Reject(source, $"file grew past MaxInputBytes ({options.MaxInputBytes}) while it was read", isFailure: false)];
        }

        try
        {
            return format switch
            {
                InputFormat.Html => [LoadItem.Of(new RawInput(source, bytes, SavedFromComment.FindUrl(bytes), null, InputFormats.HtmlMediaType))],
                InputFormat.Text => [LoadItem.Of(new RawInput(source, bytes, null, null, InputFormats.TextMediaType))],
                _ => MhtmlReader.Read(bytes, source),
            };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A parser bug must cost this file, not the run: the scan goes on to the next file.
            return [LoadItem.Reject(source, $"cannot load {format.ToString().ToLowerInvariant()} file: {e.GetType().Name}: {e.Message}", isFailure: true)];
        }
    }

    // The size was checked, but a file can grow between the check and the read: never read more than the limit.
    private static byte[]? ReadAtMost(string path, long expected, long max)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        using var output = new MemoryStream((int)Math.Min(expected, max));
        var chunk = new byte[81920];
        int read;
        while ((read = file.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (output.Length + read > max)
            {
                return null;
            }

            output.Write(chunk, 0, read);
        }

        return output.Length == output.Capacity ? output.GetBuffer() : output.ToArray();
    }

    private static LoadItem CannotRead(string source, Exception e) =>
        LoadItem.Reject(source, $"cannot read file: {e.Message}", isFailure: true);
}
