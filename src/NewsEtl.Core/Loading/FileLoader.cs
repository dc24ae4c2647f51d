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
            // Follows a file symlink to its target; a dangling one throws here and becomes a rejection.
            length = new FileInfo(fullPath).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [CannotRead(source, e)];
        }

        // Checked before opening: it also keeps a FIFO (size 0) from blocking the run.
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

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            return [CannotRead(source, e)];
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

    private static LoadItem CannotRead(string source, Exception e) =>
        LoadItem.Reject(source, $"cannot read file: {e.Message}", isFailure: true);
}
